package dev.returnsync.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The doc-snippet check on made-up Markdown: it finds the blocks, reads the markers, and blames the right line. */
@Timeout(120)
class SnippetMechanismTest {
    private static final SnippetCompiler COMPILER = SnippetCompiler.forTestClasspath();

    @Test
    void anErrorIsReportedAtItsMarkdownLine() throws IOException {
        DocSnippet snippet = only("""
                # Title
                Text.

                ```java
                TenantId shop = TenantId.of("shop-1");
                int wrong = shop;
                ```
                """);
        assertEquals(DocSnippet.Kind.STATEMENTS, snippet.kind());
        List<String> errors = COMPILER.errors(snippet);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("x.md:6: incompatible types"), errors.get(0));
        assertTrue(errors.get(0).contains("| int wrong = shop;"), errors.get(0));
    }

    @Test
    void givenVariablesAndStandardImportsLetAFragmentCompile() throws IOException {
        DocSnippet snippet = only("""
                <!-- snippet: given ReturnSyncEngine engine, Map<String, List<Duration>> waits -->
                ```java
                engine.dispatchPending();
                waits.put("a", List.of(Duration.ofSeconds(1)));
                ```
                """);
        assertEquals(List.of(), COMPILER.errors(snippet));
    }

    @Test
    void membersAndUnitsAreRecognised() throws IOException {
        DocSnippet members = only("""
                <!-- snippet: given TestClock clock -->
                ```java
                @Test
                void moves() {
                    clock.advance(Duration.ofHours(1));
                    assertEquals(1, 1);
                }
                ```
                """);
        assertEquals(DocSnippet.Kind.MEMBERS, members.kind());
        assertEquals(List.of(), COMPILER.errors(members));
        DocSnippet unit = only("""
                ```java
                @FunctionalInterface
                public interface Greeter {
                    String greet(TenantId tenant);
                }
                ```
                """);
        assertEquals(DocSnippet.Kind.UNIT, unit.kind());
        assertEquals("Greeter.java", COMPILER.wrap(unit).fileName());
        assertEquals(List.of(), COMPILER.errors(unit));
    }

    @Test
    void aRunBlockThatThrowsFailsWithItsPlace() {
        DocSnippet snippet = only("""
                <!-- snippet: run -->
                ```java
                TenantId.of("");
                ```
                """);
        AssertionError failure = assertThrows(AssertionError.class, () -> COMPILER.run(snippet));
        assertTrue(failure.getMessage().startsWith("x.md:3: the snippet threw"), failure.getMessage());
    }

    @Test
    void markersAreCheckedNoCompileNeedsAReason() {
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class, () -> only("""
                <!-- snippet: no-compile -->
                ```java
                ...
                ```
                """));
        assertEquals("x.md:1: no-compile needs a reason", noReason.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> only("""
                <!-- snippet: skip -->
                ```java
                ```
                """));
        assertTrue(unknown.getMessage().startsWith("x.md:1: unknown snippet marker 'skip'"), unknown.getMessage());
        IllegalArgumentException astray = assertThrows(IllegalArgumentException.class, () -> only("""
                <!-- snippet: run -->

                ```java
                ```
                """));
        assertEquals("x.md:1: a snippet marker stands right above a ```java block", astray.getMessage());
        assertEquals("an outline", only("""
                <!-- snippet: no-compile an outline -->
                ```java
                ...
                ```
                """).noCompile().orElseThrow());
    }

    private static DocSnippet only(String markdown) {
        List<DocSnippet> snippets = DocSnippets.of("x.md", markdown.lines().toList());
        assertEquals(1, snippets.size());
        return snippets.get(0);
    }
}
