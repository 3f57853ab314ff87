package dev.returnsync.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file, with what the markers before it say (see {@link DocSnippets}).
 *
 * @param file       where it is, relative to the project's root, for messages
 * @param fence      the line of its opening fence (1-based)
 * @param code       its lines
 * @param given      the variables it uses without declaring them ({@code "Type name, Type name"}), or empty
 * @param run        whether it is executed, not only compiled
 * @param noCompile  why it is deliberately not Java, or empty
 */
record DocSnippet(String file, int fence, List<String> code, String given, boolean run, Optional<String> noCompile) {
    private static final Pattern ANNOTATION = Pattern.compile("@\\w+(\\(.*\\))?");
    private static final Pattern TYPE = Pattern.compile(
            "((public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(class|interface|enum|record|@interface)\\s+\\w+.*");
    private static final Pattern METHOD = Pattern.compile(
            "((public|protected|private|abstract|final|static|synchronized|default)\\s+)*"
                    + "(?!return\\b|new\\b|throw\\b)[\\w<>\\[\\],?. ]+\\s+\\w+\\s*\\(.*");

    /** How a block becomes a compilation unit. */
    enum Kind {
        /** Starts with {@code package}, {@code import} or a type declaration: a compilation unit of its own. */
        UNIT,
        /** Starts with an annotation or a method declaration: the members of a class. */
        MEMBERS,
        /** Anything else: the body of a method. */
        STATEMENTS
    }

    /** Where the block is, as {@code file:line} of its first line of code. */
    String where() {
        return file + ":" + (fence + 1);
    }

    /** The Markdown line that holds the block's line {@code index} (0-based). */
    int lineOf(int index) {
        return fence + 1 + index;
    }

    Kind kind() {
        List<String> lines = new ArrayList<>();
        for (String line : code) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                lines.add(trimmed);
            }
        }
        if (lines.isEmpty()) {
            return Kind.STATEMENTS;
        }
        String first = lines.get(0);
        if (first.startsWith("package ") || first.startsWith("import ")) {
            return Kind.UNIT;
        }
        int i = 0;
        while (i < lines.size() && ANNOTATION.matcher(lines.get(i)).matches()) {
            i++;
        }
        if (i < lines.size() && TYPE.matcher(lines.get(i)).matches()) {
            return Kind.UNIT;
        }
        return i > 0 || METHOD.matcher(first).matches() ? Kind.MEMBERS : Kind.STATEMENTS;
    }
}
