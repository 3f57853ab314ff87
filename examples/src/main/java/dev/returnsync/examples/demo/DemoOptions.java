package dev.returnsync.examples.demo;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The demo's command line: which store to run on.
 *
 * @param help print the usage and stop
 * @param postgres run on PostgreSQL
 * @param url the JDBC URL when on PostgreSQL
 * @param user the database user, or null
 * @param password the database password, or null
 */
record DemoOptions(boolean help, boolean postgres, String url, String user, String password) {
    static final String USAGE = """
            usage: java -jar examples/target/returnsync-demo.jar [--in-memory | --postgres] [--help]
              --in-memory  run on the embedded in-memory store (the default)
              --postgres   run on PostgreSQL: RETURNSYNC_PG_URL, RETURNSYNC_PG_USER, RETURNSYNC_PG_PASSWORD
                           (start a throwaway server with: eval "$(bash .ci/pg-start.sh)")
            With RETURNSYNC_PG_URL set, PostgreSQL is the default. The demo uses the schema returnsync_demo,
            which it drops and creates again at the start.""";

    /**
     * Reads the arguments and the environment.
     *
     * @throws IllegalArgumentException for an unknown argument, or {@code --postgres} without a URL
     */
    static DemoOptions parse(String[] args, UnaryOperator<String> env) {
        Objects.requireNonNull(env, "env");
        Boolean postgres = null;
        boolean help = false;
        for (String arg : args) {
            if ("--postgres".equals(arg)) {
                postgres = Boolean.TRUE;
            } else if ("--in-memory".equals(arg)) {
                postgres = Boolean.FALSE;
            } else if ("--help".equals(arg) || "-h".equals(arg)) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        String url = blankToNull(env.apply("RETURNSYNC_PG_URL"));
        if (postgres == null) {
            postgres = url != null;
        }
        if (postgres && url == null && !help) {
            throw new IllegalArgumentException("--postgres needs RETURNSYNC_PG_URL (and RETURNSYNC_PG_USER, "
                    + "RETURNSYNC_PG_PASSWORD); start a throwaway server with: eval \"$(bash .ci/pg-start.sh)\"");
        }
        return new DemoOptions(help, postgres, url, blankToNull(env.apply("RETURNSYNC_PG_USER")),
                blankToNull(env.apply("RETURNSYNC_PG_PASSWORD")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
