package dev.returnsync.checks;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles doc snippets in-process with {@code javax.tools}, against this module's test classpath (core, the
 * testkit, test-support and the adapters), and runs the ones marked {@code run}. A snippet without its own
 * imports gets the standard ones: every exported {@code dev.returnsync} package on the classpath, the usual JDK
 * packages ({@code java.util}, {@code java.util.function}, {@code java.util.concurrent}, {@code java.time},
 * {@code java.net}, {@code java.math}, {@code java.sql}, {@code javax.sql}), JUnit Jupiter's API and its assertions,
 * and the two libraries the store guides show beside the stores (HikariCP's {@code com.zaxxer.hikari}, Flyway's
 * {@code org.flywaydb.core}). Errors are
 * reported at the Markdown line they are on.
 */
final class SnippetCompiler {
    private static final String CLASS = "Snippet";
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "public\\s+((final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|interface|enum|record)\\s+(\\w+).*");
    private static final List<String> JDK_AND_JUNIT = List.of("java.util", "java.util.function",
            "java.util.concurrent", "java.time", "java.net", "java.math", "java.sql", "javax.sql", "org.junit.jupiter.api",
            "com.zaxxer.hikari", "org.flywaydb.core");

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT,
            StandardCharsets.UTF_8);
    private final String classpath;
    private final List<String> imports;

    SnippetCompiler(String classpath) {
        this.classpath = classpath;
        List<String> imports = new ArrayList<>();
        for (String name : JDK_AND_JUNIT) {
            imports.add("import " + name + ".*;");
        }
        for (String name : ReturnsyncPackages.on(classpath)) {
            imports.add("import " + name + ".*;");
        }
        imports.add("import static org.junit.jupiter.api.Assertions.*;");
        this.imports = List.copyOf(imports);
    }

    /** A compiler over the test classpath that Surefire (or the IDE) runs this module with. */
    static SnippetCompiler forTestClasspath() {
        return new SnippetCompiler(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
    }

    /** Compiles the snippet; the errors, each at its Markdown line, or none. */
    List<String> errors(DocSnippet snippet) throws IOException {
        Path classes = Files.createTempDirectory("returnsync-snippet");
        try {
            return compile(snippet, classes);
        } finally {
            deleteTree(classes);
        }
    }

    /**
     * Compiles the snippet and runs its method body.
     *
     * @throws AssertionError naming the snippet's place, when it does not compile or throws
     */
    void run(DocSnippet snippet) throws Exception {
        Path classes = Files.createTempDirectory("returnsync-snippet");
        try {
            List<String> errors = compile(snippet, classes);
            if (!errors.isEmpty()) {
                throw new AssertionError(snippet.where() + ": the snippet does not compile\n" + String.join("\n", errors));
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    SnippetCompiler.class.getClassLoader())) {
                loader.loadClass(CLASS).getMethod("run").invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError(snippet.where() + ": the snippet threw " + e.getCause(), e.getCause());
            }
        } finally {
            deleteTree(classes);
        }
    }

    private List<String> compile(DocSnippet snippet, Path classes) {
        Wrapped wrapped = wrap(snippet);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none",
                "-Xlint:none", "-encoding", "UTF-8");
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + wrapped.fileName()),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return wrapped.text();
            }
        };
        compiler.getTask(null, files, diagnostics, options, null, List.of(source)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(describe(snippet, wrapped, d));
            }
        }
        return errors;
    }

    private static String describe(DocSnippet snippet, Wrapped wrapped, Diagnostic<?> d) {
        int index = (int) d.getLineNumber() - wrapped.firstCodeLine();
        String message = d.getMessage(Locale.ROOT);
        if (index < 0 || index >= snippet.code().size()) {
            return snippet.where() + ": " + message + "\n    (in the code wrapped around the block: "
                    + wrapped.text().lines().skip(Math.max(0, d.getLineNumber() - 1)).findFirst().orElse("") + ")";
        }
        return snippet.file() + ":" + snippet.lineOf(index) + ": " + message + "\n    | "
                + snippet.code().get(index).strip();
    }

    /** The compilation unit made of a snippet, and where the snippet's first line is in it (1-based). */
    record Wrapped(String fileName, String text, int firstCodeLine) {
    }

    Wrapped wrap(DocSnippet snippet) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String fileName = CLASS + ".java";
        switch (snippet.kind()) {
            case UNIT -> {
                boolean ownImports = snippet.code().stream().map(String::strip)
                        .anyMatch(l -> l.startsWith("import ") || l.startsWith("package "));
                if (!ownImports) {
                    before.addAll(imports);
                }
                for (String line : snippet.code()) {
                    Matcher type = PUBLIC_TYPE.matcher(line);
                    if (type.matches()) {
                        fileName = type.group(4) + ".java";
                        break;
                    }
                }
            }
            case MEMBERS -> {
                before.addAll(imports);
                before.add("public class " + CLASS + " {");
                for (String variable : Given.split(snippet.given())) {
                    before.add("    " + variable + ";");
                }
                after.add("}");
            }
            case STATEMENTS -> {
                before.addAll(imports);
                before.add("public class " + CLASS + " {");
                before.add("    public static void run(" + snippet.given() + ") throws Exception {");
                after.add("    }");
                after.add("}");
            }
        }
        List<String> text = new ArrayList<>(before);
        text.addAll(snippet.code());
        text.addAll(after);
        return new Wrapped(fileName, String.join("\n", text) + "\n", before.size() + 1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The {@code given} marker's variables, split at the commas outside type arguments. */
    static final class Given {
        private Given() {
        }

        static List<String> split(String given) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            StringBuilder part = new StringBuilder();
            for (char c : given.toCharArray()) {
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    parts.add(part.toString().strip());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            if (!part.toString().isBlank()) {
                parts.add(part.toString().strip());
            }
            return parts;
        }
    }
}
