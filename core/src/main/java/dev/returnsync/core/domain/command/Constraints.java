package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a command record against the Jakarta constraints on its components, the same ones the engine validates,
 * with the same messages, and says them in words for the command reference: the records stay the one place that
 * says what a field must be. Only the constraints the commands use are known: {@code NotNull}, {@code NotEmpty},
 * {@code NotBlank}, {@code PositiveOrZero}, {@code Size}, and {@code NotNull} on the elements of a list.
 */
final class Constraints {
    private static final ClassValue<List<Rule>> RULES = new ClassValue<>() {
        @Override
        protected List<Rule> computeValue(Class<?> type) {
            List<Rule> rules = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                rules.add(new Rule(component.getName(), accessor, accessor.isAnnotationPresent(NotNull.class),
                        accessor.isAnnotationPresent(NotEmpty.class), accessor.isAnnotationPresent(NotBlank.class),
                        accessor.isAnnotationPresent(PositiveOrZero.class), accessor.getAnnotation(Size.class),
                        CharSequence.class.isAssignableFrom(component.getType()), elementsNotNull(component)));
            }
            return List.copyOf(rules);
        }
    };

    private Constraints() {
    }

    private static boolean elementsNotNull(RecordComponent component) {
        return component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                && list.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(NotNull.class);
    }

    /** The constraints a command breaks, in component order. */
    static List<Violation> check(Command command) {
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : RULES.get(command.getClass())) {
            rule.check(command, violations);
        }
        return violations;
    }

    /**
     * The constraints on each component of a command record, in words, in component order: {@code required} or
     * {@code optional}, then the range, e.g. {@code required, at most 500 characters}. The element rule of a list
     * (no null element) is checked by the record itself.
     */
    static Map<String, String> describe(Class<? extends Command> type) {
        Map<String, String> words = new LinkedHashMap<>();
        for (Rule rule : RULES.get(type)) {
            words.put(rule.path(), rule.describe());
        }
        return words;
    }

    private record Rule(String path, Method accessor, boolean notNull, boolean notEmpty, boolean notBlank,
                        boolean positiveOrZero,
                        Size size, boolean text, boolean elementsNotNull) {
        void check(Command command, List<Violation> violations) {
            Object value = read(command);
            if (notNull && value == null) {
                violations.add(new Violation(path, "must not be null"));
            }
            if (notEmpty && (value == null || length(value) == 0)) {
                violations.add(new Violation(path, "must not be empty"));
            }
            if (notBlank && (value == null || value.toString().isBlank())) {
                violations.add(new Violation(path, "must not be blank"));
            }
            if (positiveOrZero && value instanceof Number number && number.longValue() < 0) {
                violations.add(new Violation(path, "must be greater than or equal to 0"));
            }
            if (size != null && value != null && (length(value) < size.min() || length(value) > size.max())) {
                violations.add(new Violation(path, "size must be between " + size.min() + " and " + size.max()));
            }
        }

        String describe() {
            List<String> words = new ArrayList<>();
            words.add(notNull || notEmpty || notBlank ? "required" : "optional");
            if (notEmpty) {
                words.add(text ? "not empty" : "at least one");
            }
            if (notBlank) {
                words.add("not blank");
            }
            if (positiveOrZero) {
                words.add("0 or more");
            }
            if (size != null) {
                words.add((size.min() == 0 ? "at most " + size.max() : size.min() + " to " + size.max())
                        + (text ? " characters" : ""));
            }
            if (elementsNotNull) {
                words.add("no null element");
            }
            return String.join(", ", words);
        }

        private Object read(Command command) {
            try {
                return accessor.invoke(command);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + path + " of a " + command.type() + " command", e);
            }
        }

        private static int length(Object value) {
            if (value instanceof Collection<?> collection) {
                return collection.size();
            }
            return ((CharSequence) value).length();
        }
    }
}
