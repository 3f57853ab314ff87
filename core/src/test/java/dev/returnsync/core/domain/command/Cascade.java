package dev.returnsync.core.domain.command;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command record's cascaded values ({@code @Valid} components, or list elements) would add to its checks:
 * {@link CompiledConstraintsTest} compiles a record only when they add nothing, that is when no type reached by the
 * cascade carries a Jakarta constraint (any annotation meta-annotated with {@link Constraint}, on the type, a field,
 * a method, or a type argument), so the compiled rules find what a full validation finds.
 */
final class Cascade {
    private Cascade() {
    }

    /**
     * The cascade of a record, one line per cascaded component saying what it reaches.
     *
     * @return the lines, in component order; {@code null} when a type the cascade reaches carries a constraint
     */
    static List<String> of(Class<?> record) {
        List<String> lines = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> target = cascadedType(component.getAccessor(), component.getAnnotatedType());
            if (target == null) {
                continue;
            }
            if (constrained(target, new HashSet<>())) {
                return null;
            }
            boolean element = !component.getAccessor().isAnnotationPresent(Valid.class);
            lines.add(component.getName() + ": " + (element ? "each element " : "") + "cascaded (@Valid) to "
                    + target.getSimpleName() + ", which carries no constraint");
        }
        return lines;
    }

    /** The type a member cascades to: its own type when it is {@code @Valid}, a list's element type when that is. */
    private static Class<?> cascadedType(AnnotatedElement member, AnnotatedType type) {
        if (member.isAnnotationPresent(Valid.class) || type.isAnnotationPresent(Valid.class)) {
            return erased(type);
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (argument.isAnnotationPresent(Valid.class)) {
                    return erased(argument);
                }
            }
        }
        return null;
    }

    private static Class<?> erased(AnnotatedType type) {
        java.lang.reflect.Type raw = type.getType();
        if (raw instanceof java.lang.reflect.ParameterizedType parameterized) {
            raw = parameterized.getRawType();
        }
        return (Class<?>) raw;
    }

    /** True when a type, or a type it cascades to in turn, carries a constraint anywhere. */
    private static boolean constrained(Class<?> type, Set<Class<?>> seen) {
        if (!seen.add(type) || type.getName().startsWith("java.")) {
            return false;
        }
        if (hasConstraint(type)) {
            return true;
        }
        for (Field field : type.getDeclaredFields()) {
            if (hasConstraint(field) || hasConstraint(field.getAnnotatedType())) {
                return true;
            }
            Class<?> next = cascadedType(field, field.getAnnotatedType());
            if (next != null && constrained(next, seen)) {
                return true;
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (hasConstraint(method) || hasConstraint(method.getAnnotatedReturnType())) {
                return true;
            }
            Class<?> next = cascadedType(method, method.getAnnotatedReturnType());
            if (next != null && constrained(next, seen)) {
                return true;
            }
        }
        Class<?> parent = type.getSuperclass();
        return parent != null && constrained(parent, seen);
    }

    private static boolean hasConstraint(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConstraint(AnnotatedType type) {
        if (hasConstraint((AnnotatedElement) type)) {
            return true;
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (hasConstraint(argument)) {
                    return true;
                }
            }
        }
        return false;
    }
}
