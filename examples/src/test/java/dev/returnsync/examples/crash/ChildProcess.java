package dev.returnsync.examples.crash;

import dev.returnsync.examples.postgres.ExampleDatabase;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One engine process of the crash test, seen from the parent: a JVM running {@link CrashChild} with the test's class
 * path. Its standard output (the reports) goes to a consumer line by line, whole lines only; its standard error to a log file.
 */
final class ChildProcess {
    private final String incarnation;
    private final Process process;
    private final Thread pump;

    private ChildProcess(String incarnation, Process process, Thread pump) {
        this.incarnation = incarnation;
        this.process = process;
        this.pump = pump;
    }

    static ChildProcess start(String incarnation, List<String> args, ExampleDatabase database, Path logs,
                              Consumer<String> lines) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        database.export(builder.environment());
        builder.redirectError(logs.resolve(incarnation + ".log").toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (int c = in.read(); c != -1; c = in.read()) {
                    if (c == '\n') {
                        lines.accept(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
                // a line cut short by the kill is dropped: only whole lines are reports
            } catch (IOException e) {
                // the process is gone
            }
        }, "crash-pump-" + incarnation);
        pump.setDaemon(true);
        pump.start();
        return new ChildProcess(incarnation, process, pump);
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} sends it), then waits for the process and its output. */
    void kill(Liveness liveness) throws InterruptedException {
        liveness.killed(incarnation);
        process.destroyForcibly();
        process.waitFor();
        pump.join(5_000);
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
