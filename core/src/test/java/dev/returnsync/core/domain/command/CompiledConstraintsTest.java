package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.GeneratedDocs;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import dev.returnsync.core.domain.command.Constraints.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CompiledConstraints}, the builders' checks as plain code, is what the records' annotations generate: the
 * test fails when a record's constraints and the compiled checks differ, and rewrites the class when run with
 * {@code -Dreturnsync.updateDocs=true}. It also checks, command type by command type, that the compiled checks find
 * what the annotation-derived rules find for missing, empty and negative values.
 */
@Timeout(10)
class CompiledConstraintsTest {
    private static final Path SOURCE =
            Path.of("src/main/java/dev/returnsync/core/domain/command/CompiledConstraints.java");

    @Test
    void theCompiledChecksAreTheAnnotationsOfEveryCommandRecord() throws IOException, ReflectiveOperationException {
        String expected = generated();
        if (GeneratedDocs.updating()) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(SOURCE, StandardCharsets.UTF_8),
                "CompiledConstraints differs from the command records' annotations; "
                        + GeneratedDocs.regenerate(CompiledConstraintsTest.class));
    }

    @Test
    void theCompiledChecksFindWhatTheAnnotationsFind() throws ReflectiveOperationException {
        for (Class<?> record : records()) {
            for (boolean empty : new boolean[] {false, true}) {
                Command command = instance(record, empty);
                List<Violation> compiled = new ArrayList<>();
                assertTrue(CompiledConstraints.check(command, compiled), record.getSimpleName() + " is compiled");
                List<Violation> derived = new ArrayList<>();
                for (Rule rule : Constraints.rules(record)) {
                    rule.check(command, derived);
                }
                assertEquals(derived, compiled, record.getSimpleName());
                assertTrue(!derived.isEmpty(), record.getSimpleName() + " has no constraint broken");
            }
        }
    }

    /** The command records, in the order of their command types. */
    static List<Class<?>> records() throws ReflectiveOperationException {
        List<Class<?>> records = new ArrayList<>();
        collect(Command.class, records);
        List<CommandType> types = new ArrayList<>();
        for (Class<?> record : records) {
            types.add(instance(record, false).type());
        }
        List<Class<?>> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(record -> types.get(records.indexOf(record))));
        return sorted;
    }

    private static void collect(Class<?> type, List<Class<?>> records) {
        if (type.isRecord()) {
            records.add(type);
        } else {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, records);
            }
        }
    }

    /** A record with every component missing, or with every text and list empty and every number negative. */
    static Command instance(Class<?> record, boolean empty) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            types[i] = type;
            values[i] = value(type, empty);
        }
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        return (Command) constructor.newInstance(values);
    }

    private static Object value(Class<?> type, boolean empty) {
        if (type == long.class || type == Long.class) {
            return empty || type.isPrimitive() ? -1L : null;
        }
        if (type == int.class || type == Integer.class) {
            return empty || type.isPrimitive() ? -1 : null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (!empty) {
            return null;
        }
        if (type == String.class) {
            return "";
        }
        if (type == List.class) {
            return Collections.emptyList();
        }
        return null;
    }

    /** The source of {@link CompiledConstraints}, from the records' annotations. */
    static String generated() throws ReflectiveOperationException {
        StringBuilder cases = new StringBuilder();
        for (Class<?> record : records()) {
            List<String> cascade = Cascade.of(record);
            if (cascade == null) {
                continue; // a cascaded value carries constraints: the engine checks this record in full
            }
            String name = record.getName().substring(Command.class.getPackageName().length() + 1).replace('$', '.');
            cases.append("            case ").append(instance(record, false).type()).append(" -> {\n")
                    .append("                if (!(command instanceof ").append(name).append(" c)) {\n")
                    .append("                    return false;\n")
                    .append("                }\n");
            for (Rule rule : Constraints.rules(record)) {
                String value = "c." + rule.path() + "()";
                String path = "\"" + rule.path() + "\"";
                boolean primitive = rule.accessor().getReturnType().isPrimitive();
                if (rule.notNull() && !primitive) {
                    cases.append(line("notNull(" + value + ", " + path));
                }
                if (rule.notEmpty()) {
                    cases.append(line("notEmpty(" + value + ", " + path));
                }
                if (rule.notBlank()) {
                    cases.append(line("notBlank(" + value + ", " + path));
                }
                if (rule.positiveOrZero()) {
                    cases.append(line("positiveOrZero(" + value + ", " + path));
                }
                if (rule.size() != null) {
                    cases.append(line("size(" + value + ", " + rule.size().min() + ", " + rule.size().max() + ", "
                            + path));
                }
            }
            for (String cascaded : cascade) {
                cases.append("                // ").append(cascaded).append('\n');
            }
            cases.append("            }\n");
        }
        return TEMPLATE.replace("CASES\n", cases.toString());
    }

    private static String line(String call) {
        return "                Constraints." + call + ", violations);\n";
    }

    private static final String TEMPLATE = """
            package dev.returnsync.core.domain.command;

            import dev.returnsync.core.domain.Command;
            import dev.returnsync.core.domain.InvalidCommandException.Violation;

            import java.util.List;

            /**
             * The Jakarta constraints of every command record as plain code, so that a build reads no annotation and
             * calls no accessor by reflection: generated from the records' annotations by {@code
             * CompiledConstraintsTest}, which fails when they differ. After changing a command record, regenerate: {@code
             * mvn -o -q -B test -pl core -am -Dtest=CompiledConstraintsTest -Dreturnsync.updateDocs=true
             * -Dsurefire.failIfNoSpecifiedTests=false}. A command type missing here is checked from its annotations by
             * {@link Constraints}; should this class no longer compile after a record changed, remove that record's case
             * and regenerate. A record is compiled only when the values it cascades to ({@code @Valid}) carry no
             * constraint, as each case says: otherwise the engine checks it in full, cascade included, with a validator.
             */
            final class CompiledConstraints {
                private CompiledConstraints() {
                }

                /**
                 * Adds the constraints a command breaks, in component order, with the messages of {@link Constraints}.
                 *
                 * @param command the command
                 * @param violations where the broken constraints are added
                 * @return false, adding nothing, if the command's type or record is not compiled here
                 */
                static boolean check(Command command, List<Violation> violations) {
                    switch (command.type()) {
            CASES
                        default -> {
                            return false;
                        }
                    }
                    return true;
                }
            }
            """;
}
