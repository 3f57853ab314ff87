package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.GeneratedDocs;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.SeedStep;
import dev.returnsync.core.domain.Transition;
import dev.returnsync.core.domain.WorkflowDefinition;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/commands.md}, the command reference, is what the code generates: the steps of {@link CommandHeader},
 * the records' components and constraints ({@link Constraints}), the builders' defaults
 * ({@link CommandBuilder#defaults()}), the seed's steps ({@link SeedStep}) and the transition table. To regenerate
 * after changing a command, a builder or the workflow: {@code mvn -pl core -am test -Dtest=CommandsDocTest
 * -Dreturnsync.updateDocs=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Timeout(10)
class CommandsDocTest {
    private static final WorkflowDefinition TABLE = ReturnWorkflow.ofDefaults().definition();

    @Test
    void commandsMarkdownHoldsTheGeneratedReference() throws IOException {
        GeneratedDocs.checkOrUpdate(GeneratedDocs.DOCS.resolve("commands.md"), CommandsDocTest.class, generated());
    }

    @Test
    void everyCommandTypeHasExactlyOneStep() {
        assertEquals(List.of(CommandType.values()), steps().stream().map(Step::type).toList(),
                "every command type needs one step method on CommandHeader");
    }

    @Test
    void everyDefaultNamesAFieldOfItsCommand() {
        for (Step step : steps()) {
            Set<String> fields = Arrays.stream(step.record().getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            for (FieldDefault fieldDefault : step.builder().defaults()) {
                assertTrue(fields.contains(fieldDefault.field()),
                        step.method() + "() states a default for " + fieldDefault.field() + ", which "
                                + step.record().getSimpleName() + " lacks");
            }
        }
    }

    /** One step of the header: its method, the builder it returns and the record it builds. */
    private record Step(String method, CommandBuilder<?> builder, Class<? extends Command> record, CommandType type) {
        String name() {
            return record.getSimpleName();
        }
    }

    static String generated() {
        List<Step> steps = steps();
        Map<Step, List<Field>> fields = new LinkedHashMap<>();
        for (Step step : steps) {
            fields.put(step, fields(step));
        }
        List<Field> common = new ArrayList<>(fields.get(steps.get(0)));
        fields.values().forEach(common::retainAll);

        StringBuilder out = new StringBuilder();
        out.append("## Every command\n\n");
        fieldTable(out, common);
        out.append("\n## The commands at a glance\n\n");
        out.append("| command | step | the seed's words | fired by | records |\n| --- | --- | --- | --- | --- |\n");
        for (Step step : steps) {
            out.append("| [").append(step.name()).append("](#").append(step.name().toLowerCase()).append(") | `")
                    .append(step.method()).append("()` | ").append(orDash(seedWords(step.type(), "<br>"))).append(" | ")
                    .append(roles(TABLE.roles(step.type()))).append(" | ").append(events(step.type())).append(" |\n");
        }
        for (Step step : steps) {
            out.append("\n### ").append(step.name()).append("\n\n");
            String seed = seedWords(step.type(), "; ");
            if (!seed.isEmpty()) {
                out.append("The seed's step: ").append(seed).append(".\n\n");
            }
            out.append("Made with `Commands.as(actor).key(..).onCase(..).").append(step.method()).append("()`, then ")
                    .append(setters(step).stream().map(s -> "`." + s + "(..)`").collect(Collectors.joining(", ")))
                    .append(" and `.build()`. Fired by ").append(roles(TABLE.roles(step.type())))
                    .append("; records ").append(events(step.type())).append(".\n\n");
            transitionTable(out, step.type());
            out.append('\n');
            List<Field> own = new ArrayList<>(fields.get(step));
            own.removeAll(common);
            fieldTable(out, own);
        }
        return out.toString();
    }

    /** The step methods of the header, in the order of the command types. */
    private static List<Step> steps() {
        CommandHeader header = Commands.as(null);
        List<Step> steps = new ArrayList<>();
        for (Method method : CommandHeader.class.getMethods()) {
            if (CommandBuilder.class.isAssignableFrom(method.getReturnType())) {
                CommandBuilder<?> builder = invoke(method, header);
                steps.add(new Step(method.getName(), builder, builder.buildUnchecked().getClass(), builder.type()));
            }
        }
        steps.sort(Comparator.comparing(Step::type));
        return steps;
    }

    private static CommandBuilder<?> invoke(Method method, CommandHeader header) {
        try {
            return (CommandBuilder<?>) method.invoke(header);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot call CommandHeader." + method.getName() + "()", e);
        }
    }

    /** One field of a command as the reference shows it. */
    private record Field(String name, String type, String rules, String defaultValue) {
    }

    private static List<Field> fields(Step step) {
        Map<String, String> rules = Constraints.describe(step.record());
        Map<String, String> defaults = step.builder().defaults().stream()
                .collect(Collectors.toMap(FieldDefault::field, FieldDefault::value));
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : step.record().getRecordComponents()) {
            String name = component.getName();
            fields.add(new Field(name, typeName(component.getGenericType()), rules.get(name),
                    defaults.getOrDefault(name, "")));
        }
        return fields;
    }

    private static void fieldTable(StringBuilder out, List<Field> fields) {
        out.append("| field | type | rules | default |\n| --- | --- | --- | --- |\n");
        for (Field field : fields) {
            out.append("| `").append(field.name()).append("` | `").append(field.type()).append("` | ")
                    .append(field.rules()).append(" | ").append(field.defaultValue()).append(" |\n");
        }
    }

    /** The rows of a command type, those that differ only in the state they start from merged into one. */
    private static void transitionTable(StringBuilder out, CommandType type) {
        Map<List<String>, List<String>> merged = new LinkedHashMap<>();
        for (Transition row : TABLE.transitions()) {
            if (row.command() == type) {
                List<String> rest = List.of(row.changesState() ? row.to().name() : "(stays)", roles(row.roles()),
                        row.condition().label(), "`" + row.event() + "`");
                merged.computeIfAbsent(rest, k -> new ArrayList<>())
                        .add(row.from() == null ? "(new case)" : row.from().name());
            }
        }
        out.append("| from | to | fired by | condition | records |\n| --- | --- | --- | --- | --- |\n");
        merged.forEach((rest, from) -> out.append("| ").append(String.join(", ", from)).append(" | ")
                .append(String.join(" | ", rest)).append(" |\n"));
    }

    /** The public setters of a step's builder, in the order of the fields they set. */
    private static List<String> setters(Step step) {
        List<String> fields = Arrays.stream(step.record().getRecordComponents()).map(RecordComponent::getName)
                .toList();
        Comparator<String> byField = Comparator.comparingInt(name -> fieldIndex(fields, name));
        return Arrays.stream(step.builder().getClass().getMethods())
                .filter(m -> CommandBuilder.class.isAssignableFrom(m.getDeclaringClass()))
                .filter(m -> m.getDeclaringClass() != CommandBuilder.class && !m.isBridge()
                        && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).distinct().sorted(byField.thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The index of the field a setter sets: the field of its name, or of its plural ({@code line}, {@code lines}). */
    private static int fieldIndex(List<String> fields, String setter) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equals(setter) || fields.get(i).equals(setter + "s")) {
                return i;
            }
        }
        throw new AssertionError("the setter " + setter + "(..) sets no field of its command");
    }

    /** The seed's words for the steps a command type carries out, with their table and row. */
    private static String seedWords(CommandType type, String separator) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (SeedStep step : SeedStep.values()) {
            if (step.commands().contains(type)) {
                rows.computeIfAbsent(step.text(), k -> new ArrayList<>()).add(step.table() + " step " + step.number());
            }
        }
        return rows.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(separator));
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "—" : text;
    }

    private static String events(CommandType type) {
        return TABLE.transitions().stream().filter(row -> row.command() == type).map(row -> "`" + row.event() + "`")
                .distinct().collect(Collectors.joining(", "));
    }

    /** The roles, in the order of {@link Role} (the table keeps its role sets in that order). */
    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(", "));
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType generic) {
            return typeName(generic.getRawType()) + "<" + Arrays.stream(generic.getActualTypeArguments())
                    .map(CommandsDocTest::typeName).collect(Collectors.joining(", ")) + ">";
        }
        return ((Class<?>) type).getSimpleName();
    }
}
