package dev.returnsync.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first case in a fresh JVM links no invokedynamic call site of returnsync's: no lambda or method reference,
 * no string concatenation with {@code +}, no generated record {@code equals}/{@code hashCode}/{@code toString}.
 * Each links on its first call, which on a cold JVM costs about a class load or more (and a dynamic class data
 * sharing archive does not save the linking). Seen in the classes the JVM loads between the first case's markers
 * ({@code -Xlog:class+load}): a lambda proxy class for every lambda and method reference, and the method-handle forms
 * and {@code java.lang.invoke} or {@code java.lang.runtime} classes a bootstrap spins or loads (a concatenation or
 * record method whose shape the setup already linked may reuse them and go unseen).
 */
@Timeout(120)
class FirstCaseLinkageTest {
    @Test
    void theFirstCaseLinksNoInvokedynamicCallSite() throws IOException, InterruptedException {
        List<String> loaded = firstCaseClasses();
        assertTrue(loaded.stream().anyMatch(name -> name.startsWith("dev.returnsync.core.domain.")), loaded::toString);
        List<String> linkage = new ArrayList<>();
        for (String name : loaded) {
            if (name.contains("$$Lambda") || name.startsWith("java.lang.invoke.") || name.startsWith("java.lang.runtime.")) {
                linkage.add(name);
            }
        }
        assertEquals(List.of(), linkage, "classes loaded to link call sites on the first case");
    }

    /** The names of the classes a fresh JVM loads for the first case, in load order. */
    private static List<String> firstCaseClasses() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xshare:auto", "-Xlog:class+load=info:stdout:none",
                "-cp", System.getProperty("java.class.path"), FirstCase.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the first case's JVM did not end");
        assertEquals(0, process.exitValue(), output);
        List<String> names = new ArrayList<>();
        boolean inside = false;
        for (String line : output.split("\\R")) {
            if (line.equals(FirstCase.BEGIN)) {
                inside = true;
            } else if (line.equals(FirstCase.END)) {
                return names;
            } else if (inside && !line.isBlank()) {
                names.add(line.split(" ", 2)[0]);
            }
        }
        throw new AssertionError("no first case markers in the output: " + output);
    }
}
