package dev.returnsync.examples.crash;

import dev.returnsync.examples.postgres.ExampleDatabase;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.examples.crash.CrashSupplierSimulator.Kind;
import dev.returnsync.store.postgres.PostgresCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The crash test: three engine processes on one PostgreSQL schema, each with its own dispatcher, deadline runner,
 * supplier callbacks and parties sending commands, are killed with SIGKILL at random moments and restarted, for a
 * bounded time; then the survivors drain the outbox, and the test checks, against PostgreSQL and what the
 * {@link CrashSupplierSimulator} recorded:
 * <ul>
 *   <li><b>no accepted command lost</b>: every command a process saw accepted has its idempotency record and its
 *       events in the store, at the version it was told;</li>
 *   <li><b>no effect lost</b>: every notification any process planned was delivered; every supplier call planned
 *       reached the supplier (a return request may be superseded by the cancellation of its leg, a cancellation is
 *       not needed when no request reached the supplier); every leg the reseller applied for and did not cancel has
 *       its return at the supplier;</li>
 *   <li><b>no call duplicated beyond its idempotency key</b>: one return request key, one tracking key, one
 *       cancellation key per leg;</li>
 *   <li><b>no call made twice at the same moment by two live processes</b>: no two calls with the same key overlap in
 *       time while both callers were alive; the slow phases of the notification channel make a dispatch run take
 *       longer than the 5 s lease, though no single call does;</li>
 *   <li><b>no supplier return left open after its cancellation</b>: no return request reached the supplier after the
 *       leg's cancellation, and no leg cancelled in the store has an open return at the supplier;</li>
 *   <li><b>the outbox drained</b>: empty, nothing parked.</li>
 * </ul>
 * PostgreSQL only (see {@link ExampleDatabase}); the seed is printed and {@code -Dreturnsync.seed=...} sets it, though
 * process timing makes runs differ anyway; {@code -Dreturnsync.crash.debug=true} prints the return requests and
 * cancellations of each cancelled leg on a time line. Logs of the processes land in
 * {@code examples/target/crash-test/}.
 */
@Timeout(300)
class CrashTest {
    private static final int SLOTS = 3;
    private static final Duration RUN_FOR = Duration.ofSeconds(Long.getLong("returnsync.crash.seconds", 60));
    private static final Duration DRAIN_WITHIN = Duration.ofSeconds(60);
    private static final String SCHEMA = CrashChild.SCHEMA;

    private final long seed = Long.getLong("returnsync.seed", System.nanoTime());
    private final Liveness liveness = new Liveness();
    private final ChildProcess[] children = new ChildProcess[SLOTS];
    private final int[] starts = new int[SLOTS];
    private final ConcurrentLinkedQueue<String[]> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> planned = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> conflicts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> slowDispatches = new ConcurrentLinkedQueue<>();
    private CrashSupplierSimulator simulator;
    private ExampleDatabase database;
    private DataSource admin;
    private Path logs;
    private long delivered;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ChildProcess child : children) {
            if (child != null && child.isAlive()) {
                child.kill(liveness);
            }
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void engines_killed_with_sigkill_lose_nothing_and_never_do_the_same_work_twice_at_once() throws Exception {
        database = ExampleDatabase.configured();
        admin = database.dataSource();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        PostgresCaseStore store = PostgresCaseStore.builder(admin).schema(SCHEMA).build();   // migrates once
        logs = Path.of("target", "crash-test");
        Files.createDirectories(logs);
        delivered = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        simulator = new CrashSupplierSimulator(liveness, seed);
        System.out.println("CrashTest: seed " + seed + " (-Dreturnsync.seed=" + seed + "), " + SLOTS
                + " processes for " + RUN_FOR.toSeconds() + " s, lease " + CrashChild.LEASE.toMillis() + " ms");

        for (int slot = 0; slot < SLOTS; slot++) {
            start(slot);
        }
        killAndRestart();
        simulator.drain();
        boolean drained = waitForDrain();
        for (int slot = 0; slot < SLOTS; slot++) {
            children[slot].kill(liveness);
        }
        check(store, drained);
    }

    // ------------------------------------------------------------------------------------------- the run

    private void start(int slot) throws Exception {
        String incarnation = "w" + slot + "i" + (++starts[slot]);
        children[slot] = ChildProcess.start(incarnation, List.of(Integer.toString(slot), incarnation,
                Integer.toString(simulator.port()), Long.toString(seed), Long.toString(delivered)), database, logs,
                this::report);
    }

    private void report(String line) {
        String[] parts = line.split(" ");
        if (parts[0].equals("ACCEPTED") && parts.length == 4) {
            accepted.add(parts);
        } else if (parts[0].equals("PLANNED") && parts.length == 5) {
            planned.add(parts);
        } else if (parts[0].equals("SLOW_DISPATCH") && parts.length == 2) {
            slowDispatches.add(Long.parseLong(parts[1]));
        } else if (parts[0].equals("CONFLICT")) {
            conflicts.add(line);
        }
    }

    /** Kills a random process every 1.5 to 6 s (seeded) and starts it again at once, until the run's end. */
    private void killAndRestart() throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long end = System.nanoTime() + RUN_FOR.toNanos();
        while (true) {
            long pause = 1_500 + random.nextInt(4_500);
            if (System.nanoTime() + pause * 1_000_000 >= end) {
                break;
            }
            Thread.sleep(pause);
            int slot = random.nextInt(SLOTS);
            children[slot].kill(liveness);
            start(slot);
        }
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
    }

    /**
     * Waits until the outbox is empty, nothing is parked, no callback waits and no deadline is pending (they are
     * seconds away and would add work), three checks in a row.
     */
    private boolean waitForDrain() throws Exception {
        long deadline = System.nanoTime() + DRAIN_WITHIN.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            boolean idle = count("outbox") == 0 && count("due_cases") == 0 && simulator.callbacksPending() == 0;
            quiet = idle ? quiet + 1 : 0;
            if (quiet == 3) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private int count(String table) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    // ------------------------------------------------------------------------------------------ checks

    private void check(PostgresCaseStore store, boolean drained) throws Exception {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String name : List.of("accepted command lost", "effect lost", "call duplicated beyond its key",
                "same call at the same moment by two live processes", "supplier return open after its cancellation",
                "outbox not drained", "idempotency key reused with another meaning")) {
            violations.put(name, new ArrayList<>());
        }
        Map<String, ReturnCase> cases = foldCases(store);

        checkAccepted(store, violations.get("accepted command lost"));
        checkEffects(cases, violations.get("effect lost"));
        violations.get("call duplicated beyond its key").addAll(simulator.duplicatedBeyondKey());
        violations.get("same call at the same moment by two live processes").addAll(simulator.liveOverlaps());
        checkCancellations(cases, violations.get("supplier return open after its cancellation"));
        checkDrained(drained, violations.get("outbox not drained"));
        violations.get("idempotency key reused with another meaning").addAll(conflicts);

        summarize(cases, violations);
        StringBuilder failures = new StringBuilder();
        violations.forEach((name, found) -> {
            if (!found.isEmpty()) {
                failures.append("\n").append(name).append(": ").append(found.size()).append(", e.g.");
                found.stream().limit(8).forEach(v -> failures.append("\n    ").append(v));
            }
        });
        if (failures.length() > 0) {
            fail("the crash test found violations (seed " + seed + "):" + failures);
        }
        assertTrue(liveness.kills() >= 5, "the run killed processes: " + liveness.kills());
        assertTrue(accepted.size() >= 100, "the parties got commands through: " + accepted.size());
        assertTrue(simulator.processedKeys(Kind.CANCEL).size() > 0, "cancellations reached the supplier");
        assertTrue(simulator.callbacksAcked() > 0, "callbacks were applied");
        assertTrue(!slowDispatches.isEmpty(), "a backlog took longer than the lease to dispatch");
    }

    /** Every case anyone reported on, folded from the store. */
    private Map<String, ReturnCase> foldCases(PostgresCaseStore store) {
        Set<String> ids = new TreeSet<>();
        accepted.forEach(a -> ids.add(a[2]));
        planned.forEach(p -> ids.add(p[3]));
        Map<String, ReturnCase> folded = new HashMap<>();
        for (String id : ids) {
            Optional<CaseHistory> history = store.load(CrashDriver.SHOP, CaseId.of(id));
            if (history.isPresent()) {
                folded.put(id, ReturnWorkflow.evolve(Optional.empty(), history.get().events()));
            }
        }
        return folded;
    }

    /** Every answered command has its idempotency record, at the case and version it was answered at (by the SPI). */
    private void checkAccepted(PostgresCaseStore store, List<String> lost) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT case_id, max(version) FROM " + SCHEMA + ".events "
                    + "GROUP BY case_id")) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        for (String[] a : accepted) {
            String key = a[1];
            String caseId = a[2];
            long version = Long.parseLong(a[3]);
            String[] record = store.findIdempotency(CrashDriver.SHOP, IdempotencyKey.of(key))
                    .map(r -> new String[] {r.caseId().value(), Long.toString(r.lastVersion())}).orElse(null);
            if (record == null) {
                lost.add("command " + key + " on " + caseId + " was answered at version " + version
                        + " but has no idempotency record");
            } else if (!record[0].equals(caseId) || Long.parseLong(record[1]) != version) {
                lost.add("command " + key + " was answered at " + caseId + " version " + version
                        + " but is recorded at " + record[0] + " version " + record[1]);
            }
            if (versions.getOrDefault(caseId, 0L) < version) {
                lost.add("command " + key + " was answered at version " + version + " of " + caseId
                        + " but the store holds " + versions.getOrDefault(caseId, 0L) + " events");
            }
        }
    }

    private void checkEffects(Map<String, ReturnCase> cases, List<String> lost) {
        Set<String> notified = simulator.delivered();
        Set<String> requests = simulator.processedKeys(Kind.REQUEST_RETURN);
        Set<String> trackings = simulator.processedKeys(Kind.SHARE_TRACKING);
        Set<String> cancels = simulator.processedKeys(Kind.CANCEL);
        Set<String> requestedLegs = simulator.requestedLegs();
        for (String[] p : planned) {
            String id = p[1];
            String effect = p[2];
            String caseId = p[3];
            String leg = p[4] + "|" + CrashDriver.resellerNumber(caseId);
            LegState state = legState(cases, caseId, p[4]);
            switch (effect) {
                case "NOTIFY" -> {
                    if (!notified.contains(id)) {
                        lost.add("notification " + id + " was planned but never delivered");
                    }
                }
                case "REQUEST_RETURN" -> {
                    if (!requests.contains(id) && state != LegState.CANCELLED) {
                        lost.add("return request " + id + " never reached " + p[4] + "; the leg is " + state);
                    }
                }
                case "SHARE_TRACKING" -> {
                    if (!trackings.contains(id)) {
                        lost.add("tracking " + id + " never reached " + p[4] + "; the leg is " + state);
                    }
                }
                case "CANCEL_AT_SUPPLIER" -> {
                    if (!cancels.contains(id) && requestedLegs.contains(leg)) {
                        lost.add("cancellation " + id + " never reached " + p[4] + ", which holds the return");
                    }
                }
                default -> {
                    // policy reactions and polls show in the events and the outbox
                }
            }
        }
        for (ReturnCase c : cases.values()) {
            for (Leg leg : c.legs()) {
                String key = leg.supplier().value() + "|" + CrashDriver.resellerNumber(c.id().value());
                boolean applied = leg.state() != LegState.CANCELLED && leg.state().ordinal() > LegState.AGREED.ordinal()
                        && leg.state() != LegState.DECLINED && leg.state() != LegState.CLOSED;
                if (applied && !requestedLegs.contains(key)) {
                    lost.add(c.id().value() + " leg " + leg.supplier().value() + " is " + leg.state()
                            + " but the supplier never got the return request");
                }
            }
        }
    }

    private void checkCancellations(Map<String, ReturnCase> cases, List<String> open) {
        open.addAll(simulator.openedAfterCancel());
        Set<String> reported = new TreeSet<>();
        open.forEach(o -> reported.add(o.substring(0, o.indexOf(' '))));
        Set<String> openAtSupplier = simulator.openReturns();
        for (ReturnCase c : cases.values()) {
            for (Leg leg : c.legs()) {
                String key = leg.supplier().value() + "|" + CrashDriver.resellerNumber(c.id().value());
                if (leg.state() == LegState.CANCELLED && openAtSupplier.contains(key) && !reported.contains(key)) {
                    open.add(key + ": cancelled in the store, open at the supplier at the end");
                }
            }
        }
    }

    private void checkDrained(boolean drained, List<String> left) throws SQLException {
        try (Connection c = admin.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT tenant, case_id, version, effect, target, parked, attempts, last_error FROM " + SCHEMA
                        + ".outbox ORDER BY tenant, case_id, target, version, effect");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String id = OutboxIds.of(TenantId.of(rows.getString(1)), CaseId.of(rows.getString(2)), rows.getLong(3),
                        Effect.valueOf(rows.getString(4)), rows.getString(5));
                left.add((rows.getBoolean(6) ? "parked " : "pending ") + id + " after " + rows.getInt(7)
                        + " attempts: " + rows.getString(8));
            }
        }
        if (!drained && left.isEmpty()) {
            left.add("callbacks still waiting after " + DRAIN_WITHIN.toSeconds() + " s: " + simulator.callbacksPending());
        }
    }

    private static LegState legState(Map<String, ReturnCase> cases, String caseId, String supplier) {
        ReturnCase c = cases.get(caseId);
        if (c == null) {
            return null;
        }
        return c.legs().stream().filter(l -> l.supplier().equals(SupplierId.of(supplier))).map(Leg::state)
                .findFirst().orElse(null);
    }

    private void summarize(Map<String, ReturnCase> cases, Map<String, List<String>> violations) {
        Map<LegState, Integer> legs = new TreeMap<>();
        for (ReturnCase c : cases.values()) {
            c.legs().forEach(l -> legs.merge(l.state(), 1, Integer::sum));
        }
        System.out.printf("CrashTest: %d kills, %d process starts, %d commands accepted (replays included), "
                        + "%d outbox entries planned, %d cases, legs by state %s%n", liveness.kills(),
                Arrays.stream(starts).sum(), accepted.size(), planned.size(), cases.size(), legs);
        System.out.printf("CrashTest: calls %s, %d notifications delivered, %d callbacks applied, %d dispatch runs "
                        + "longer than the lease (longest %d ms), %d legs cancelled at the supplier while a return "
                        + "request for them was in progress there%n", simulator.callsByKind(), simulator.delivered().size(),
                simulator.callbacksAcked(), slowDispatches.size(),
                slowDispatches.stream().mapToLong(Long::longValue).max().orElse(0), simulator.cancelledDuringRequest());
        if (Boolean.getBoolean("returnsync.crash.debug")) {   // the requests and cancellations of each cancelled leg
            Map<String, List<CrashSupplierSimulator.Call>> byLeg = new TreeMap<>();
            simulator.calls().stream().filter(c -> c.kind() == Kind.REQUEST_RETURN || c.kind() == Kind.CANCEL)
                    .forEach(c -> byLeg.computeIfAbsent(c.leg(), l -> new ArrayList<>()).add(c));
            byLeg.forEach((leg, calls) -> {
                if (calls.stream().anyMatch(c -> c.kind() == Kind.CANCEL)) {
                    long t0 = calls.stream().mapToLong(CrashSupplierSimulator.Call::start).min().orElse(0);
                    StringBuilder line = new StringBuilder("DEBUG " + leg);
                    calls.forEach(c -> line.append(" ").append(c.kind()).append("@").append((c.start() - t0) / 1_000_000)
                            .append("-").append((c.end() - t0) / 1_000_000).append("/").append(c.status()));
                    System.out.println(line);
                }
            });
        }
        StringBuilder tally = new StringBuilder("CrashTest: violations:");
        violations.forEach((name, found) -> tally.append(" ").append(name).append(" ").append(found.size()).append(";"));
        System.out.println(tally);
    }
}
