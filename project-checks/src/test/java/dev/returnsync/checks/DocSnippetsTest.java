package dev.returnsync.checks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Java snippet of {@code README.md} and {@code docs/*.md} compiles against the published modules, and the
 * README's quick start runs. One test per block, named by its place ({@code docs/engine.md:19}); a failure lists
 * each error at its Markdown line. The conventions a block follows are in {@link DocSnippets}.
 */
class DocSnippetsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final List<DocSnippet> snippets = DocSnippets.ofProject(ProjectRoot.get());

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() {
        SnippetCompiler compiler = SnippetCompiler.forTestClasspath();
        return snippets.stream().filter(s -> s.noCompile().isEmpty()).map(s -> DynamicTest.dynamicTest(s.where(),
                () -> assertTimeoutPreemptively(LIMIT, () -> {
                    if (s.run()) {
                        compiler.run(s);
                    } else {
                        List<String> errors = compiler.errors(s);
                        if (!errors.isEmpty()) {
                            fail(s.where() + ": the snippet does not compile\n" + String.join("\n", errors));
                        }
                    }
                })));
    }

    @Test
    void theReadmeHasAQuickStartThatRuns() {
        assertEquals(1, snippets.stream().filter(s -> s.file().equals("README.md") && s.run()).count(),
                "README.md has one block marked <!-- snippet: run -->, its quick start");
    }

    @Test
    void blocksThatAreNotJavaAreRareAndSayWhy() {
        List<DocSnippet> skipped = snippets.stream().filter(s -> s.noCompile().isPresent()).toList();
        assertFalse(snippets.isEmpty(), "found the docs' snippets");
        assertTrue(skipped.size() * 5 <= snippets.size(), () -> "at most one block in five may be marked"
                + " no-compile; these are: " + skipped.stream().map(s -> s.where() + " (" + s.noCompile().get() + ")")
                .toList());
    }
}
