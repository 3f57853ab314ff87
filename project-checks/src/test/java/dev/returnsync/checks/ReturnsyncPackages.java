package dev.returnsync.checks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code dev.returnsync} packages a host may import, found on a classpath: every package with classes, except
 * {@code internal} ones and those of the modules that are never deployed (examples, benchmarks, these checks).
 */
final class ReturnsyncPackages {
    private static final String ROOT = "dev/returnsync/";
    private static final Set<String> NOT_FOR_HOSTS = Set.of("examples", "benchmarks", "checks");

    private ReturnsyncPackages() {
    }

    static Set<String> on(String classpath) {
        Set<String> packages = new TreeSet<>();
        for (Path entry : entries(classpath)) {
            if (Files.isDirectory(entry.resolve(ROOT))) {
                try (Stream<Path> classes = Files.walk(entry.resolve(ROOT))) {
                    classes.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> add(entry.relativize(f).toString().replace(File.separatorChar, '/'),
                                    packages));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().forEach(e -> add(e.getName(), packages));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return packages;
    }

    private static void add(String classFile, Set<String> packages) {
        int slash = classFile.lastIndexOf('/');
        if (!classFile.startsWith(ROOT) || !classFile.endsWith(".class") || slash < ROOT.length()) {
            return;
        }
        String[] segments = classFile.substring(0, slash).split("/");
        if (Arrays.asList(segments).contains("internal") || NOT_FOR_HOSTS.contains(segments[2])) {
            return;
        }
        packages.add(String.join(".", segments));
    }

    private static List<Path> entries(String classpath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }
}
