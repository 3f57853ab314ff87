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
 *
 * <p>A build checks without reflection: {@link CompiledConstraints} holds the same rules as plain code, generated
 * from the annotations (a test fails when they differ). A command type it does not know yet is checked from its
 * annotations, read once per type.
 */
final class Constraints {
    /** The rules read from the annotations, once per record type: loaded only for a type not compiled, or the docs. */
    private static final class Read {
        static final ClassValue<List<Rule>> RULES = new ClassValue<>() {
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
    }

    private Constraints() {
    }

    private static boolean elementsNotNull(RecordComponent component) {
        return component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                && list.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(NotNull.class);
    }

    /** The constraints a command breaks, in component order. */
    static List<Violation> check(Command command) {
        List<Violation> violations = new ArrayList<>();
        check(command, violations);
        return violations;
    }

    /** Adds the constraints a command breaks, in component order. */
    static void check(Command command, List<Violation> violations) {
        if (!CompiledConstraints.check(command, violations)) {
            for (Rule rule : rules(command.getClass())) {
                rule.check(command, violations);
            }
        }
    }

    /** {@return the rules of a command record, read from its annotations, in component order} */
    static List<Rule> rules(Class<?> type) {
        return Read.RULES.get(type);
    }

    /**
     * The constraints on each component of a command record, in words, in component order: {@code required} or
     * {@code optional}, then the range, e.g. {@code required, at most 500 characters}. The element rule of a list
     * (no null element) is checked by the record itself.
     */
    static Map<String, String> describe(Class<? extends Command> type) {
        Map<String, String> words = new LinkedHashMap<>();
        for (Rule rule : rules(type)) {
            words.put(rule.path(), rule.describe());
        }
        return words;
    }

    /** {@code NotNull}: adds a violation when the value is null. */
    static void notNull(Object value, String path, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(path, "must not be null"));
        }
    }

    /** {@code NotEmpty}: adds a violation when the text or the collection is null or empty. */
    static void notEmpty(Object value, String path, List<Violation> violations) {
        if (value == null || length(value) == 0) {
            violations.add(new Violation(path, "must not be empty"));
        }
    }

    /** {@code NotBlank}: adds a violation when the text is null or blank. */
    static void notBlank(Object value, String path, List<Violation> violations) {
        if (value == null || value.toString().isBlank()) {
            violations.add(new Violation(path, "must not be blank"));
        }
    }

    /** {@code PositiveOrZero} on a boxed number: adds a violation when it is below 0; null passes. */
    static void positiveOrZero(Number value, String path, List<Violation> violations) {
        if (value != null) {
            positiveOrZero(value.longValue(), path, violations);
        }
    }

    /** {@code PositiveOrZero} on a primitive number: adds a violation when it is below 0. */
    static void positiveOrZero(long value, String path, List<Violation> violations) {
        if (value < 0) {
            violations.add(new Violation(path, "must be greater than or equal to 0"));
        }
    }

    /** {@code Size}: adds a violation when the text or the collection is out of range; null passes. */
    static void size(Object value, int min, int max, String path, List<Violation> violations) {
        if (value != null && (length(value) < min || length(value) > max)) {
            violations.add(new Violation(path, "size must be between " + min + " and " + max));
        }
    }

    private static int length(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        return ((CharSequence) value).length();
    }

    /**
     * The constraints on one component of a command record, as its annotations say.
     *
     * @param path the component's name
     * @param accessor the component's accessor
     * @param notNull whether it carries {@code NotNull}
     * @param notEmpty whether it carries {@code NotEmpty}
     * @param notBlank whether it carries {@code NotBlank}
     * @param positiveOrZero whether it carries {@code PositiveOrZero}
     * @param size its {@code Size}, or null
     * @param text whether it is text
     * @param elementsNotNull whether it is a list whose elements carry {@code NotNull}
     */
    record Rule(String path, Method accessor, boolean notNull, boolean notEmpty, boolean notBlank,
                boolean positiveOrZero, Size size, boolean text, boolean elementsNotNull) {
        void check(Command command, List<Violation> violations) {
            Object value = read(command);
            if (notNull) {
                Constraints.notNull(value, path, violations);
            }
            if (notEmpty) {
                Constraints.notEmpty(value, path, violations);
            }
            if (notBlank) {
                Constraints.notBlank(value, path, violations);
            }
            if (positiveOrZero && value instanceof Number number) {
                Constraints.positiveOrZero(number, path, violations);
            }
            if (size != null) {
                Constraints.size(value, size.min(), size.max(), path, violations);
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
    }
}
