package dev.returnsync.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code ```java} blocks of {@code README.md} and {@code docs/*.md}. The convention the docs follow:
 * <ul>
 *   <li>A block that starts with {@code package}, {@code import} or a type declaration is a compilation unit. When
 *       it has no imports, it gets the standard imports ({@link SnippetCompiler}).</li>
 *   <li>A block that starts with an annotation or a method declaration ({@code @Test void ...() {}}) holds the
 *       members of a class.</li>
 *   <li>Any other block is the body of a method ({@code throws Exception}).</li>
 *   <li>Comment lines right before the opening fence say more, one each:
 *     <ul>
 *       <li>{@code <!-- snippet: given Type name, Type name -->}: variables the block uses without declaring them
 *           (the method's parameters, or the class's fields), so that a block need not repeat set-up shown
 *           elsewhere;</li>
 *       <li>{@code <!-- snippet: run -->}: the block (a method body, with nothing given) is also executed, and must
 *           not throw;</li>
 *       <li>{@code <!-- snippet: no-compile REASON -->}: deliberately not Java (an outline, pseudo-code); the reason
 *           is required, and such blocks must stay rare.</li>
 *     </ul>
 *   </li>
 * </ul>
 */
final class DocSnippets {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(\\S+)\\s*(.*?)\\s*-->");

    private DocSnippets() {
    }

    /** The blocks of README.md and every docs/*.md, in file order. */
    static List<DocSnippet> ofProject(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocSnippet> snippets = new ArrayList<>();
        for (Path file : files) {
            try {
                snippets.addAll(of(root.relativize(file).toString(), Files.readAllLines(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return snippets;
    }

    /** The blocks of one Markdown text; a malformed marker is an error that names its line. */
    static List<DocSnippet> of(String file, List<String> lines) {
        List<DocSnippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int fence = i + 1;
            List<String> code = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                code.add(lines.get(j));
                j++;
            }
            if (j == lines.size()) {
                throw new IllegalArgumentException(file + ":" + fence + ": the java block is not closed");
            }
            snippets.add(withMarkers(file, fence, code, lines, i));
            i = j;
        }
        requireMarkersAboveBlocks(file, lines);
        return snippets;
    }

    private static void requireMarkersAboveBlocks(String file, List<String> lines) {
        for (int k = 0; k < lines.size(); k++) {
            if (isMarker(lines.get(k))) {
                int next = k + 1;
                while (next < lines.size() && isMarker(lines.get(next))) {
                    next++;
                }
                if (next == lines.size() || !lines.get(next).strip().equals("```java")) {
                    throw new IllegalArgumentException(file + ":" + (k + 1)
                            + ": a snippet marker stands right above a ```java block");
                }
                k = next;
            }
        }
    }

    private static boolean isMarker(String line) {
        return line.strip().startsWith("<!-- snippet:");
    }

    private static DocSnippet withMarkers(String file, int fence, List<String> code, List<String> lines, int at) {
        String given = "";
        boolean run = false;
        Optional<String> noCompile = Optional.empty();
        for (int k = at - 1; k >= 0 && isMarker(lines.get(k)); k--) {
            Matcher marker = MARKER.matcher(lines.get(k).strip());
            String where = file + ":" + (k + 1);
            if (!marker.matches()) {
                throw new IllegalArgumentException(where + ": a snippet marker reads <!-- snippet: WORD ... -->");
            }
            String argument = marker.group(2);
            switch (marker.group(1)) {
                case "given" -> given = require(argument, where, "given needs the variables: Type name, ...");
                case "run" -> run = true;
                case "no-compile" -> noCompile = Optional.of(require(argument, where, "no-compile needs a reason"));
                default -> throw new IllegalArgumentException(where + ": unknown snippet marker '" + marker.group(1)
                        + "' (given, run or no-compile)");
            }
        }
        DocSnippet snippet = new DocSnippet(file, fence, List.copyOf(code), given, run, noCompile);
        if (run && (!given.isEmpty() || snippet.kind() != DocSnippet.Kind.STATEMENTS)) {
            throw new IllegalArgumentException(snippet.where() + ": a run block is a method body with nothing given");
        }
        return snippet;
    }

    private static String require(String argument, String where, String message) {
        if (argument.isBlank()) {
            throw new IllegalArgumentException(where + ": " + message);
        }
        return argument;
    }
}
