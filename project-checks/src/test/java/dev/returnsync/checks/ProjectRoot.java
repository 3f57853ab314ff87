package dev.returnsync.checks;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder, which the build passes to the checks as {@code returnsync.root}. */
final class ProjectRoot {
    private ProjectRoot() {
    }

    static Path get() {
        String root = System.getProperty("returnsync.root", "..");
        Path path = Path.of(root).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("pom.xml")) || !Files.isDirectory(path.resolve("docs"))) {
            throw new IllegalStateException("returnsync.root is not the project's root (no pom.xml and docs/): " + path);
        }
        return path;
    }
}
