package dev.returnsync.spring;

import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.ReapplicationPolicy;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.TimeWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code returnsync.*} properties, checked when the application starts: a property that breaks its rule stops
 * the start with an error that names it. Defaults are the engine's own.
 */
@ConfigurationProperties("returnsync")
@Validated
public class ReturnSyncProperties {
    // each rule's message names its property, so a start refused for it says which one to fix
    private static final String INTERVAL = "returnsync.loop.interval must be 10ms to 1h";
    private static final String BATCH_SIZE = "returnsync.dispatch.batch-size must be 1 to 10000";
    private static final String LEASE = "returnsync.dispatch.lease must be 1s or more";
    private static final String MAX_ATTEMPTS = "returnsync.dispatch.max-attempts must be 1 to 1000";
    private static final String POLL_INTERVAL = "returnsync.dispatch.poll-interval must be 1s or more";
    private static final String INITIAL = "returnsync.dispatch.backoff.initial must be 1ms or more";
    private static final String MAX = "returnsync.dispatch.backoff.max must be 1ms or more";
    private static final String MULTIPLIER = "returnsync.dispatch.backoff.multiplier must be 1.0 to 10.0";
    private static final String JITTER = "returnsync.dispatch.backoff.jitter must be 0.0 to 1.0";
    private static final String DEADLINE_BATCH_SIZE = "returnsync.deadlines.batch-size must be 1 to 10000";
    private static final String AFTER = "returnsync.deadlines.after durations must be 1s to 3650d";
    private static final String FOLD_CACHE_SIZE = "returnsync.fold-cache.size must be 0 to 10000000";
    private static final String MAX_OVERDUE = "returnsync.health.max-overdue must be 1s or more";
    private static final String WEBHOOK_PATH = "returnsync.webhook.path must start with / and not end with /";
    private static final String TOLERANCE = "returnsync.webhook.tolerance must be 1s to 1h";
    private static final String LOOP_STALLED_AFTER = "returnsync.health.loop-stalled-after must be 1s or more";
    private static final String REAPPLICATION_WINDOW = "returnsync.workflow.reapplication.window must be 1s to 3650d";
    private static final String MAX_ROUNDS = "returnsync.workflow.reapplication.max-rounds must be 1 to 10";

    @Valid
    private final Store store = new Store();
    @Valid
    private final Loop loop = new Loop();
    @Valid
    private final Dispatch dispatch = new Dispatch();
    @Valid
    private final Deadlines deadlines = new Deadlines();
    @Valid
    private final FoldCache foldCache = new FoldCache();
    @Valid
    private final Workflow workflow = new Workflow();
    @Valid
    private final Health health = new Health();
    @Valid
    private final Webhook webhook = new Webhook();

    /** {@return where cases are kept} */
    public Store getStore() {
        return store;
    }

    /** {@return the background loop that fires deadlines and dispatches outbox work} */
    public Loop getLoop() {
        return loop;
    }

    /** {@return how outbox work is claimed and retried} */
    public Dispatch getDispatch() {
        return dispatch;
    }

    /** {@return how deadlines are fired, and how long the waiting states last} */
    public Deadlines getDeadlines() {
        return deadlines;
    }

    /** {@return the cache of folded cases} */
    public FoldCache getFoldCache() {
        return foldCache;
    }

    /** {@return the workflow's rule settings} */
    public Workflow getWorkflow() {
        return workflow;
    }

    /** {@return the thresholds of the health indicator} */
    public Health getHealth() {
        return health;
    }

    /** {@return the supplier webhook} */
    public Webhook getWebhook() {
        return webhook;
    }

    /** Which store holds the cases. */
    public enum StoreType {
        /** The store of the application's DataSource, by the database it reports, or in memory without one. */
        AUTO,
        /** In memory, whatever DataSource there is: cases are lost when the application stops. */
        MEMORY
    }

    /** {@code returnsync.store.*}. */
    public static class Store {
        /** Which store holds the cases: auto (from the DataSource, in memory without one) or memory. */
        @NotNull(message = "returnsync.store.type must be set")
        private StoreType type = StoreType.AUTO;

        /** The database schema of the store's tables (PostgreSQL). */
        @NotNull(message = "returnsync.store.schema must be set")
        @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}", message = "returnsync.store.schema must be lower-case letters, "
                + "digits and underscores, starting with a letter or underscore, at most 63 characters")
        private String schema = "returnsync";

        /**
         * Whether the store applies its schema migrations when the application starts (true), or only checks that
         * the schema is at the version it needs (false: Flyway, Liquibase or a DBA applies them).
         */
        private boolean migrations = true;

        /** {@return which store holds the cases; never null once the properties are validated} */
        public StoreType getType() {
            return type;
        }

        /**
         * Sets which store holds the cases.
         *
         * @param type auto or memory; must not be null
         */
        public void setType(StoreType type) {
            this.type = type;
        }

        /** {@return the database schema of the store's tables} */
        public String getSchema() {
            return schema;
        }

        /**
         * Sets the database schema of the store's tables.
         *
         * @param schema lower-case letters, digits and underscores, starting with a letter or underscore, at most
         *              63 characters; must not be null
         */
        public void setSchema(String schema) {
            this.schema = schema;
        }

        /** {@return whether the store applies its schema migrations when the application starts} */
        public boolean isMigrations() {
            return migrations;
        }

        /**
         * Sets whether the store applies its schema migrations when the application starts.
         *
         * @param migrations true to apply them, false to only check that the schema is at the version the store needs
         */
        public void setMigrations(boolean migrations) {
            this.migrations = migrations;
        }
    }

    /** {@code returnsync.loop.*}. */
    public static class Loop {
        /** Whether this application runs the background loop (deadlines, then outbox work). */
        private boolean enabled = true;

        /** The pause between two runs of the background loop. */
        @NotNull(message = INTERVAL)
        @DurationMin(millis = 10, message = INTERVAL)
        @DurationMax(hours = 1, message = INTERVAL)
        private Duration interval = Duration.ofSeconds(1);

        /** {@return whether this application runs the background loop} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether this application runs the background loop.
         *
         * @param enabled false when another instance runs it, or none should
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the pause between two runs of the background loop} */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets the pause between two runs of the background loop.
         *
         * @param interval 10ms to 1h; must not be null
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** {@code returnsync.dispatch.*}. */
    public static class Dispatch {
        private static final DispatcherConfig DEFAULTS = DispatcherConfig.ofDefaults();

        /** The lease owner name of this application's dispatcher; random per start when not set. */
        @Pattern(regexp = "\\S.{0,127}", message = "returnsync.dispatch.owner must be 1 to 128 characters and not "
                + "start with a blank")
        private String owner;

        /** How many outbox entries one claim takes. */
        @Min(value = 1, message = BATCH_SIZE)
        @Max(value = 10_000, message = BATCH_SIZE)
        private int batchSize = DEFAULTS.batchSize();

        /** How long a claimed entry is held before another dispatcher may take it over. */
        @NotNull(message = LEASE)
        @DurationMin(seconds = 1, message = LEASE)
        private Duration lease = DEFAULTS.lease();

        /** How many failed attempts park an entry. */
        @Min(value = 1, message = MAX_ATTEMPTS)
        @Max(value = 1_000, message = MAX_ATTEMPTS)
        private int maxAttempts = DEFAULTS.maxAttempts();

        /** How often a pull-only supplier is polled about a pending leg. */
        @NotNull(message = POLL_INTERVAL)
        @DurationMin(seconds = 1, message = POLL_INTERVAL)
        private Duration pollInterval = DEFAULTS.pollInterval();

        @Valid
        private final Backoff backoff = new Backoff();

        /** {@return the lease owner name of this application's dispatcher, or null for a random one per start} */
        public String getOwner() {
            return owner;
        }

        /**
         * Sets the lease owner name of this application's dispatcher.
         *
         * @param owner 1 to 128 characters, not starting with a blank; null for a random name per start
         */
        public void setOwner(String owner) {
            this.owner = owner;
        }

        /** {@return how many outbox entries one claim takes} */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets how many outbox entries one claim takes.
         *
         * @param batchSize 1 to 10000
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** {@return how long a claimed entry is held before another dispatcher may take it over} */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets how long a claimed entry is held before another dispatcher may take it over.
         *
         * @param lease 1s or more; must not be null
         */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /** {@return how many failed attempts park an entry} */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets how many failed attempts park an entry.
         *
         * @param maxAttempts 1 to 1000
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** {@return how often a pull-only supplier is polled about a pending leg} */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /**
         * Sets how often a pull-only supplier is polled about a pending leg.
         *
         * @param pollInterval 1s or more; must not be null
         */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** {@return the delays between failed attempts} */
        public Backoff getBackoff() {
            return backoff;
        }

        /** The dispatcher's configuration. */
        DispatcherConfig toConfig() {
            DispatcherConfig.Builder config = DispatcherConfig.custom().batchSize(batchSize).lease(lease)
                    .maxAttempts(maxAttempts).pollInterval(pollInterval).initialBackoff(backoff.initial)
                    .maxBackoff(backoff.max).multiplier(backoff.multiplier).jitter(backoff.jitter);
            if (owner != null) {
                config.owner(owner);
            }
            return config.build();
        }
    }

    /** {@code returnsync.dispatch.backoff.*}. */
    public static class Backoff {
        private static final DispatcherConfig DEFAULTS = DispatcherConfig.ofDefaults();

        /** The delay after the first failed attempt. */
        @NotNull(message = INITIAL)
        @DurationMin(millis = 1, message = INITIAL)
        private Duration initial = DEFAULTS.initialBackoff();

        /** The longest delay between two attempts. */
        @NotNull(message = MAX)
        @DurationMin(millis = 1, message = MAX)
        private Duration max = DEFAULTS.maxBackoff();

        /** How much the delay grows per failed attempt, 1.0 to 10.0. */
        @DecimalMin(value = "1.0", message = MULTIPLIER)
        @DecimalMax(value = "10.0", message = MULTIPLIER)
        private double multiplier = DEFAULTS.multiplier();

        /** The share of each delay that is random, 0.0 to 1.0. */
        @DecimalMin(value = "0.0", message = JITTER)
        @DecimalMax(value = "1.0", message = JITTER)
        private double jitter = DEFAULTS.jitter();

        /** {@return the delay after the first failed attempt} */
        public Duration getInitial() {
            return initial;
        }

        /**
         * Sets the delay after the first failed attempt.
         *
         * @param initial 1ms or more, not longer than the longest delay; must not be null
         */
        public void setInitial(Duration initial) {
            this.initial = initial;
        }

        /** {@return the longest delay between two attempts} */
        public Duration getMax() {
            return max;
        }

        /**
         * Sets the longest delay between two attempts.
         *
         * @param max 1ms or more, not shorter than the first delay; must not be null
         */
        public void setMax(Duration max) {
            this.max = max;
        }

        /** {@return how much the delay grows per failed attempt} */
        public double getMultiplier() {
            return multiplier;
        }

        /**
         * Sets how much the delay grows per failed attempt.
         *
         * @param multiplier 1.0 to 10.0
         */
        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        /** {@return the share of each delay that is random} */
        public double getJitter() {
            return jitter;
        }

        /**
         * Sets the share of each delay that is random.
         *
         * @param jitter 0.0 (none) to 1.0 (all of it)
         */
        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        /** The first delay is not longer than the longest one. */
        @AssertTrue(message = "returnsync.dispatch.backoff.initial must not be longer than returnsync.dispatch.backoff.max")
        boolean isOrdered() {
            return initial == null || max == null || initial.compareTo(max) <= 0;
        }
    }

    /** {@code returnsync.deadlines.*}. */
    public static class Deadlines {
        /** How many due cases the deadline runner loads at a time. */
        @Min(value = 1, message = DEADLINE_BATCH_SIZE)
        @Max(value = 10_000, message = DEADLINE_BATCH_SIZE)
        private int batchSize = EngineConfig.ofDefaults().deadlineBatchSize();

        /**
         * How long a leg may wait in a state before its deadline falls due, per state; states not named keep the
         * engine's default, and only states that have a deadline may be named.
         */
        private final Map<LegState, @NotNull(message = AFTER) @DurationMin(seconds = 1, message = AFTER)
                @DurationMax(days = TimeWindow.MAX_DEADLINE_DAYS, message = AFTER) Duration> after =
                new EnumMap<>(LegState.class);

        /** {@return how many due cases the deadline runner loads at a time} */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets how many due cases the deadline runner loads at a time.
         *
         * @param batchSize 1 to 10000
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * {@return the waiting time per state before its deadline falls due, to be filled by binding; states not
         *          named keep the engine's default}
         */
        public Map<LegState, Duration> getAfter() {
            return after;
        }

        /** Only states that have a deadline are named. */
        @AssertTrue(message = "returnsync.deadlines.after may only name states that have a deadline: "
                + "NEGOTIATING, PARTIAL_REFUND_OFFERED, NUMBER_REQUESTED, AWAITING_SHIPMENT, AWAITING_RESULT, "
                + "SHIPPED, RECEIVED, RESULT_NOTIFIED")
        boolean isNamingStatesWithDeadlines() {
            return after.keySet().stream().allMatch(state -> DeadlinePolicy.ofDefaults().deadline(state).isPresent());
        }

        /** The engine's deadlines with the durations set here. */
        DeadlinePolicy toPolicy() {
            DeadlinePolicy.Builder policy = DeadlinePolicy.ofDefaults().toBuilder();
            after.forEach((state, duration) -> policy.on(state, duration,
                    DeadlinePolicy.ofDefaults().deadline(state).orElseThrow().action()));
            return policy.build();
        }
    }

    /** {@code returnsync.fold-cache.*}. */
    public static class FoldCache {
        /** How many folded cases the engine keeps in memory; 0 turns the cache off. */
        @Min(value = 0, message = FOLD_CACHE_SIZE)
        @Max(value = 10_000_000, message = FOLD_CACHE_SIZE)
        private int size = EngineConfig.ofDefaults().foldCacheSize();

        /** {@return how many folded cases the engine keeps in memory; 0 when the cache is off} */
        public int getSize() {
            return size;
        }

        /**
         * Sets how many folded cases the engine keeps in memory.
         *
         * @param size 0 (no cache) to 10000000
         */
        public void setSize(int size) {
            this.size = size;
        }
    }

    /** {@code returnsync.workflow.*}. */
    public static class Workflow {
        /** The settings the workflow's rules read, by name. */
        private final Map<String, String> settings = new LinkedHashMap<>();

        /** How long and how often a customer may re-apply after a decline. */
        @Valid
        private final Reapplication reapplication = new Reapplication();

        /** {@return the settings the workflow's rules read, by name, to be filled by binding} */
        public Map<String, String> getSettings() {
            return settings;
        }

        /** {@return how long and how often a customer may re-apply after a decline} */
        public Reapplication getReapplication() {
            return reapplication;
        }
    }

    /** {@code returnsync.workflow.reapplication.*}: the workflow's {@link ReapplicationPolicy}. */
    public static class Reapplication {
        /** How long after a decline the customer may re-apply. */
        @NotNull(message = REAPPLICATION_WINDOW)
        @DurationMin(seconds = 1, message = REAPPLICATION_WINDOW)
        @DurationMax(days = TimeWindow.MAX_DEADLINE_DAYS, message = REAPPLICATION_WINDOW)
        private Duration window = ReapplicationPolicy.ofDefaults().window();

        /** The most negotiation rounds a leg may have, the first included; 1 keeps every decline final. */
        @Min(value = 1, message = MAX_ROUNDS)
        @Max(value = ReapplicationPolicy.MAX_ROUNDS, message = MAX_ROUNDS)
        private int maxRounds = ReapplicationPolicy.ofDefaults().maxRounds();

        /** {@return how long after a decline the customer may re-apply} */
        public Duration getWindow() {
            return window;
        }

        /**
         * Sets how long after a decline the customer may re-apply.
         *
         * @param window 1s to 3650d
         */
        public void setWindow(Duration window) {
            this.window = window;
        }

        /** {@return the most negotiation rounds a leg may have, the first included} */
        public int getMaxRounds() {
            return maxRounds;
        }

        /**
         * Sets the most negotiation rounds a leg may have, the first included.
         *
         * @param maxRounds 1 to 10
         */
        public void setMaxRounds(int maxRounds) {
            this.maxRounds = maxRounds;
        }

        /** The workflow's re-application policy. */
        ReapplicationPolicy toPolicy() {
            return new ReapplicationPolicy(window, maxRounds);
        }
    }

    /** {@code returnsync.health.*}. */
    public static class Health {
        /** How many parked outbox entries the health indicator allows before it reports DEGRADED. */
        @Min(value = 0, message = "returnsync.health.max-parked must be zero or more")
        private long maxParked = 0;

        /** How long the oldest due outbox entry may wait before the health indicator reports DEGRADED. */
        @NotNull(message = MAX_OVERDUE)
        @DurationMin(seconds = 1, message = MAX_OVERDUE)
        private Duration maxOverdue = Duration.ofMinutes(10);

        /** How long a run of the background loop may last, or the loop stay without a run, before it counts as dead. */
        @NotNull(message = LOOP_STALLED_AFTER)
        @DurationMin(seconds = 1, message = LOOP_STALLED_AFTER)
        private Duration loopStalledAfter = Duration.ofMinutes(5);

        /** {@return how many parked outbox entries the health indicator allows before it reports DEGRADED} */
        public long getMaxParked() {
            return maxParked;
        }

        /**
         * Sets how many parked outbox entries the health indicator allows before it reports DEGRADED.
         *
         * @param maxParked zero or more
         */
        public void setMaxParked(long maxParked) {
            this.maxParked = maxParked;
        }

        /** {@return how long the oldest due outbox entry may wait before the health indicator reports DEGRADED} */
        public Duration getMaxOverdue() {
            return maxOverdue;
        }

        /**
         * Sets how long the oldest due outbox entry may wait before the health indicator reports DEGRADED.
         *
         * @param maxOverdue 1s or more; must not be null
         */
        public void setMaxOverdue(Duration maxOverdue) {
            this.maxOverdue = maxOverdue;
        }

        /**
         * {@return how long a run of the background loop may last, or the loop stay without a run, before it counts
         *          as dead}
         */
        public Duration getLoopStalledAfter() {
            return loopStalledAfter;
        }

        /**
         * Sets how long a run of the background loop may last, or the loop stay without a run, before it counts as
         * dead.
         *
         * @param loopStalledAfter 1s or more; must not be null
         */
        public void setLoopStalledAfter(Duration loopStalledAfter) {
            this.loopStalledAfter = loopStalledAfter;
        }
    }

    /** {@code returnsync.webhook.*}: the signed supplier callbacks, with {@code returnsync-supplier-http}. */
    public static class Webhook {
        /** Whether the application answers supplier callbacks (in a servlet web application). */
        private boolean enabled = true;

        /** The path below which callbacks arrive, as {path}/{supplier id}/callbacks. */
        @NotNull(message = WEBHOOK_PATH)
        @Pattern(regexp = "/(.*[^/])?", message = WEBHOOK_PATH)
        private String path = "/returnsync/suppliers";

        /** How far a callback's timestamp may be from the clock. */
        @NotNull(message = TOLERANCE)
        @DurationMin(seconds = 1, message = TOLERANCE)
        @DurationMax(hours = 1, message = TOLERANCE)
        private Duration tolerance = Duration.ofMinutes(5);

        /**
         * The shared secrets of the suppliers that may call back, by supplier id, as text of at least 16 bytes in
         * UTF-8; the first signs, all verify (several while a secret is rotated).
         */
        private final Map<String, List<String>> secrets = new LinkedHashMap<>();

        /** {@return whether the application answers supplier callbacks} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the application answers supplier callbacks.
         *
         * @param enabled false to leave the callback endpoint out
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the path below which callbacks arrive, as {path}/{supplier id}/callbacks} */
        public String getPath() {
            return path;
        }

        /**
         * Sets the path below which callbacks arrive.
         *
         * @param path starts with / and does not end with /; must not be null
         */
        public void setPath(String path) {
            this.path = path;
        }

        /** {@return how far a callback's timestamp may be from the clock} */
        public Duration getTolerance() {
            return tolerance;
        }

        /**
         * Sets how far a callback's timestamp may be from the clock.
         *
         * @param tolerance 1s to 1h; must not be null
         */
        public void setTolerance(Duration tolerance) {
            this.tolerance = tolerance;
        }

        /** {@return the shared secrets of the suppliers that may call back, by supplier id, to be filled by binding} */
        public Map<String, List<String>> getSecrets() {
            return secrets;
        }

        /** Each supplier has one to four secrets of at least 16 bytes. */
        @AssertTrue(message = "returnsync.webhook.secrets must give each supplier 1 to 4 secrets of at least 16 bytes")
        boolean isSecretsWellFormed() {
            return secrets.values().stream().allMatch(list -> !list.isEmpty() && list.size() <= 4
                    && list.stream().allMatch(secret -> secret != null
                            && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 16));
        }
    }
}
