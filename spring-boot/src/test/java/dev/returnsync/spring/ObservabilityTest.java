package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.testkit.TestClock;
import dev.returnsync.testsupport.SimulatedSupplier;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Metrics and health: a failing supplier shows as failures, parked work and DEGRADED; tags carry no ids. */
@Timeout(60)
class ObservabilityTest {
    private static final SupplierId ACME = SupplierId.of("acme");
    private static final CaseId CASE = CaseId.of("case-42");

    @Test
    void aFailingSupplierShowsInTheMetricsAndMakesTheHealthDegraded() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReturnSyncAutoConfiguration.class,
                        ReturnSyncObservabilityAutoConfiguration.class))
                .withUserConfiguration(UncachedSampler.class)
                .withBean(SimulatedSupplier.class,
                        () -> SimulatedSupplier.of(ACME, SimulatedSupplier.Style.NUMBER_IN_REPLY).failingFirst(100))
                .withPropertyValues("returnsync.loop.enabled=false", "returnsync.dispatch.max-attempts=1")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    context.getBeansOfType(MeterBinder.class).values().forEach(b -> b.bindTo(registry));
                    HealthIndicator health = context.getBean("returnsyncHealthIndicator", HealthIndicator.class);
                    Health before = health.health();
                    assertEquals(Status.UP, before.getStatus(), before.toString());
                    assertEquals("disabled", before.getDetails().get("loop"));

                    ReturnSyncEngine engine = context.getBean(ReturnSyncEngine.class);
                    ReturnFlow.toApplied(engine, CASE, ACME, "AS-OBS-1");
                    engine.runOnce(Instant.now());

                    Health after = health.health();
                    assertEquals(ReturnSyncHealthIndicator.DEGRADED, after.getStatus(), after.toString());
                    assertEquals(1L, after.getDetails().get("outboxParked"));
                    assertEquals(1.0, registry.get("returnsync.supplier.failures").tag("supplier", "acme")
                            .tag("call", "request_return").tag("kind", "retryable").counter().count());
                    assertEquals(1, registry.get("returnsync.dispatch.attempts").tag("effect", "request_return")
                            .tag("outcome", "parked").timer().count());
                    assertEquals(1, registry.get("returnsync.commands").tag("type", "submit_return")
                            .tag("outcome", "accepted").timer().count());
                    assertEquals(1.0, registry.get("returnsync.outbox.parked").gauge().value());
                    assertEquals(0.0, registry.get("returnsync.deadlines").tag("outcome", "fired").counter().count());
                    assertTagsCarryNoIds(registry);
                });
    }

    /** Every tag value is a type, an outcome, a code or the supplier: no case, tenant, customer, key or number. */
    private static void assertTagsCarryNoIds(SimpleMeterRegistry registry) {
        List<String> values = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                values.add(tag.getValue());
            }
        }
        assertFalse(values.isEmpty());
        for (String value : values) {
            assertFalse(value.matches(".*\\d.*"), "a tag with a digit: " + value);
            for (String id : List.of(CASE.value(), ReturnFlow.TENANT.value(), "c-1", "order", "AS-", "k-", "staff", "SKU")) {
                assertFalse(value.toLowerCase().contains(id.toLowerCase()), "a tag carries " + id + ": " + value);
            }
        }
    }

    @Test
    void theHealthIsDownWhenTheStoreCannotBeReachedOrTheLoopIsStoppedOrStalled() {
        TestClock clock = TestClock.at(Instant.parse("2026-12-01T08:00:00Z"));
        CaseStore broken = new ForwardingCaseStore(new InMemoryCaseStore()) {
            @Override
            public List<DueCase> findDue(Instant dueAtOrBefore, DueCase after, int limit) {
                throw new IllegalStateException("connection refused");
            }
        };
        ReturnSyncProperties.Health thresholds = new ReturnSyncProperties.Health();
        Health unreachable = new ReturnSyncHealthIndicator(broken, new OutboxSampler(broken, clock, Duration.ZERO),
                null, thresholds).health();
        assertEquals(Status.DOWN, unreachable.getStatus());
        assertEquals("unreachable", unreachable.getDetails().get("store"));
        assertFalse(unreachable.toString().contains("connection refused"), "no message of the store");

        CaseStore store = new InMemoryCaseStore();
        LoopHeartbeat heartbeat = new LoopHeartbeat(clock);
        HealthIndicator health = new ReturnSyncHealthIndicator(store, new OutboxSampler(store, clock, Duration.ZERO),
                heartbeat, thresholds);
        assertEquals(Status.DOWN, health.health().getStatus(), "not started");
        heartbeat.started();
        heartbeat.around(() -> { }).run();
        assertEquals(Status.UP, health.health().getStatus());
        assertEquals("running", health.health().getDetails().get("loop"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Status.DOWN, health.health().getStatus(), "no run for longer than loop-stalled-after");
        assertEquals("stalled", health.health().getDetails().get("loop"));
        heartbeat.around(() -> clock.advance(Duration.ofMinutes(1))).run();
        assertEquals(Status.UP, health.health().getStatus());
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class UncachedSampler {
        @org.springframework.context.annotation.Bean
        OutboxSampler sampler(CaseStore store) {
            return new OutboxSampler(store, Clock.systemUTC(), Duration.ZERO);
        }
    }
}
