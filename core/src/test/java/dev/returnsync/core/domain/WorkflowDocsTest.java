package dev.returnsync.core.domain;

import dev.returnsync.spi.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed diagrams and tables in {@code docs/} are what the code generates, so the docs cannot drift.
 * To regenerate after changing the workflow: {@code mvn -pl core -am test -Dtest=WorkflowDocsTest
 * -Dreturnsync.updateDocs=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WorkflowDocsTest {
    private static final Path DOCS = GeneratedDocs.DOCS;

    @Test
    void workflowMarkdownHoldsTheGeneratedDiagramAndTables() throws IOException {
        GeneratedDocs.checkOrUpdate(DOCS.resolve("workflow.md"), WorkflowDocsTest.class, generatedMarkdown());
    }

    @Test
    void dotFileIsTheGeneratedGraph() throws IOException {
        Path dot = DOCS.resolve("workflow.dot");
        String expected = ReturnWorkflow.ofDefaults().definition().toDot();
        if (GeneratedDocs.updating()) {
            Files.writeString(dot, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(dot, StandardCharsets.UTF_8),
                "docs/workflow.dot differs from the code; " + GeneratedDocs.regenerate(WorkflowDocsTest.class));
    }

    @Test
    void theMarkdownQuotesEverySeedRowInItsOwnWords() throws IOException {
        String doc = Files.readString(DOCS.resolve("workflow.md"), StandardCharsets.UTF_8);
        for (SeedStep step : SeedStep.values()) {
            assertTrue(doc.contains("| " + step.table() + " | " + step.number() + " | " + step.text() + " |"),
                    "docs/workflow.md lacks " + step);
        }
    }

    static String generatedMarkdown() {
        WorkflowDefinition table = ReturnWorkflow.ofDefaults().definition();
        StringBuilder out = new StringBuilder();
        out.append("### Diagram of one leg\n\n```mermaid\n").append(table.toMermaid()).append("```\n\n");
        out.append("### The seed's two tables, step by step\n\n");
        out.append("| table | step | the seed's words | command | transition | event |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (SeedStep step : SeedStep.values()) {
            List<String> commands = step.commands().stream().map(c -> "`" + c + "`").toList();
            List<String> moves = step.commands().stream()
                    .flatMap(c -> table.transitions().stream().filter(r -> r.command() == c))
                    .map(r -> (r.from() == null ? "(new)" : r.from().name()) + " → " + r.to())
                    .distinct().toList();
            List<String> events = step.commands().stream()
                    .flatMap(c -> table.transitions().stream().filter(r -> r.command() == c))
                    .map(r -> "`" + r.event() + "`").distinct().toList();
            out.append("| ").append(step.table()).append(" | ").append(step.number()).append(" | ")
                    .append(step.text()).append(" | ").append(String.join(", ", commands)).append(" | ")
                    .append(String.join("<br>", moves)).append(" | ").append(String.join(", ", events)).append(" |\n");
        }
        out.append("\n### The transition table\n\n");
        out.append("| command | from | to | roles | condition | event |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Transition row : table.transitions()) {
            out.append("| `").append(row.command()).append("` | ")
                    .append(row.from() == null ? "(new case)" : row.from().name()).append(" | ")
                    .append(row.to()).append(" | ")
                    .append(row.roles().stream().map(Role::name).collect(Collectors.joining(", "))).append(" | ")
                    .append(row.condition().label()).append(" | `").append(row.event()).append("` |\n");
        }
        return out.toString();
    }
}
