package dev.returnsync.core.domain.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside core, commands are made with the builders: no Java source of another module and no snippet of the docs
 * calls a command record's constructor. The test reads the sources of the whole build (core's test runs in every
 * build, and the other modules' sources lie beside it), so a new call anywhere fails here, naming file and line.
 */
@Timeout(60)
class RecordConstructorsOnlyInCoreTest {
    /** A constructor call of a command record, however spaced or qualified. */
    static final Pattern CONSTRUCTOR =
            Pattern.compile("new\\s+(dev\\.returnsync\\.core\\.domain\\.)?Command\\s*\\.\\s*[A-Z]");

    @Test
    void noOtherModuleNorAnyDocCallsACommandRecordsConstructor() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("testkit")),
                "the build's root lies above core: " + root);
        List<Path> scanned = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(file -> scanned(root.relativize(file))).forEach(file -> {
                scanned.add(file);
                calls.addAll(calls(root.relativize(file), read(file)));
            });
        }
        assertTrue(scanned.stream().anyMatch(f -> f.endsWith("Demo.java")), "the examples were scanned");
        assertTrue(scanned.stream().anyMatch(f -> f.endsWith("README.md")), "the readme was scanned");
        assertEquals(List.of(), calls, "make these commands with Commands.as(actor)... instead");
    }

    @Test
    void theScanFindsACallHoweverItIsWritten() {
        Path file = Path.of("testkit/src/main/java/X.java");
        assertEquals(List.of("testkit/src/main/java/X.java:2", "testkit/src/main/java/X.java:3"),
                calls(file, "class X {\n  Object a = new Command.OpenNegotiation(k, a, null, c, s);\n"
                        + "  Object b = new  dev.returnsync.core.domain.Command .CloseLeg(k, a, null, c, s, r);\n"
                        + "  Object c = Command.OpenNegotiation.class; // new Commands() is no record\n}"));
        assertFalse(scanned(Path.of("core/src/test/java/Y.java")), "core may call them");
        assertFalse(scanned(Path.of("examples/target/generated/Z.java")), "build output is not source");
        assertTrue(scanned(Path.of("docs/engine.md")));
    }

    /** Java sources of every module but core, and the markdown docs, outside build output and hidden directories. */
    private static boolean scanned(Path relative) {
        String name = relative.getFileName() == null ? "" : relative.getFileName().toString();
        if (!name.endsWith(".java") && !name.endsWith(".md")) {
            return false;
        }
        for (Path part : relative) {
            String p = part.toString();
            if (p.equals("target") || p.startsWith(".") || p.equals("node_modules")) {
                return false;
            }
        }
        return !relative.startsWith("core");
    }

    private static List<String> calls(Path file, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (CONSTRUCTOR.matcher(lines[i]).find()) {
                found.add(file.toString().replace('\\', '/') + ":" + (i + 1));
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
