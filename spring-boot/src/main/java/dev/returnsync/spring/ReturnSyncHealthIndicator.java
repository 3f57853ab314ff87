package dev.returnsync.spring;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.OutboxStats;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's health: DOWN when the store cannot be reached or the background loop is stopped or stuck;
 * {@link #DEGRADED} when more entries are parked than {@code returnsync.health.max-parked} or the oldest due entry
 * has waited longer than {@code returnsync.health.max-overdue}; else UP. Details: the loop's state, the outbox
 * figures and the reasons for DEGRADED; never an id or a message of the store.
 */
public final class ReturnSyncHealthIndicator implements HealthIndicator {
    /** Works, but outbox work waits for a person or is late: look at it, do not restart the application. */
    public static final Status DEGRADED = new Status("DEGRADED", "outbox work is parked or overdue");

    private final CaseStore store;
    private final OutboxSampler sampler;
    private final LoopHeartbeat heartbeat;
    private final ReturnSyncProperties.Health thresholds;

    /** {@code heartbeat} is null when the application runs no loop ({@code returnsync.loop.enabled=false}). */
    ReturnSyncHealthIndicator(CaseStore store, OutboxSampler sampler, LoopHeartbeat heartbeat,
                              ReturnSyncProperties.Health thresholds) {
        this.store = store;
        this.sampler = sampler;
        this.heartbeat = heartbeat;
        this.thresholds = thresholds;
    }

    @Override
    public Health health() {
        try {
            store.findDue(Instant.EPOCH, 1);
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", "unreachable").withDetail("error", e.getClass().getName()).build();
        }
        Health.Builder health = Health.up().withDetail("store", "reachable");
        String loop = loopState();
        health.withDetail("loop", loop);
        if (loop.equals("stopped") || loop.equals("stalled")) {
            return health.down().build();
        }
        Optional<OutboxStats> stats = sampler.stats();
        if (stats.isEmpty()) {
            return health.withDetail("outbox", "unknown: the store does not report it").build();
        }
        Duration overdue = stats.get().oldestDueAge(sampler.now());
        health.withDetail("outboxPending", stats.get().pending()).withDetail("outboxParked", stats.get().parked())
                .withDetail("oldestDueSeconds", overdue.toSeconds());
        List<String> reasons = new ArrayList<>();
        if (stats.get().parked() > thresholds.getMaxParked()) {
            reasons.add("parked entries above returnsync.health.max-parked");
        }
        if (overdue.compareTo(thresholds.getMaxOverdue()) > 0) {
            reasons.add("oldest due entry waits longer than returnsync.health.max-overdue");
        }
        if (!reasons.isEmpty()) {
            health.status(DEGRADED).withDetail("reasons", reasons);
        }
        return health.build();
    }

    private String loopState() {
        if (heartbeat == null) {
            return "disabled";
        }
        LoopHeartbeat.Beat beat = heartbeat.beat(thresholds.getLoopStalledAfter());
        if (!beat.running()) {
            return "stopped";
        }
        return beat.alive() ? "running" : "stalled";
    }
}
