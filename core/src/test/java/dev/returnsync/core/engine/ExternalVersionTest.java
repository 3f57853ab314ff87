package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** A command may carry an outside system's version token; the case keeps the newest per source. */
@Timeout(10)
class ExternalVersionTest {
    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(clock).build();
    private final CaseId c = CaseId.of("case-ext");

    @AfterEach
    void close() {
        engine.close();
    }

    private Command.OpenNegotiation open(String source, long version) {
        return Commands.as(reseller()).key(key()).onCase(c).externalVersion(source, version).openNegotiation().leg(S1)
                .build();
    }

    private Command.AgreeReturn agree(String source, long version) {
        return Commands.as(supplier(S1)).key(key()).onCase(c).externalVersion(source, version).agreeReturn().leg(S1)
                .outcome(OutcomeType.RETURN_AND_REFUND).build();
    }

    private long version() {
        return store.load(TENANT, c).orElseThrow().version();
    }

    @Test
    void aNewerTokenIsAcceptedAndRecordedAfterTheCommandsEvent() {
        engine.execute(submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00"))));

        CommandResult opened = engine.execute(open("taobao", 100));

        assertEquals(List.of("NegotiationOpened", "ExternalVersionRecorded"),
                opened.events().stream().map(ReturnEvent::type).toList());
        assertEquals(new ExternalVersion("taobao", 100),
                ((ReturnEvent.ExternalVersionRecorded) opened.events().get(1)).version());
        assertEquals(OptionalLong.of(100), opened.state().externalVersion("taobao"));
        assertEquals(3, opened.version(), "one version per event");

        CommandResult agreed = engine.execute(agree("taobao", 101));
        assertEquals(OptionalLong.of(101), agreed.state().externalVersion("taobao"));
    }

    @Test
    void aTokenNotNewerThanTheCasesIsRefusedAndChangesNothing() {
        engine.execute(submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open("taobao", 100));
        long before = version();

        for (long stale : new long[] {100, 99, 0}) {
            CommandRefusedException refused = assertThrows(CommandRefusedException.class,
                    () -> engine.execute(agree("taobao", stale)));
            assertEquals(Refusal.Code.STALE_EXTERNAL_VERSION, refused.refusal().code());
            assertTrue(refused.refusal().reason().contains("taobao"), refused.refusal().reason());
            assertEquals(before, version(), "a refused command changes nothing");
        }
        assertEquals(Map.of("taobao", 100L), engine.caseView(reseller(), c).state().externalVersions());
    }

    @Test
    void sourcesAreIndependent() {
        engine.execute(submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open("taobao", 1_000));

        CommandResult agreed = engine.execute(agree("1688", 5));

        assertEquals(Map.of("taobao", 1_000L, "1688", 5L), agreed.state().externalVersions());
        CommandRefusedException refused = assertThrows(CommandRefusedException.class, () -> engine.execute(
                Commands.as(reseller()).key(key()).onCase(c).externalVersion("1688", 5).applyForReturn().leg(S1)
                        .build()));
        assertEquals(Refusal.Code.STALE_EXTERNAL_VERSION, refused.refusal().code());
    }

    @Test
    void aRetryOfTheSameCommandAnswersAsBeforeEvenThoughItsTokenIsNoLongerNewer() {
        engine.execute(submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        Command.OpenNegotiation open = open("taobao", 7);
        CommandResult first = engine.execute(open);

        CommandResult again = engine.execute(open);

        assertTrue(again.replayed());
        assertEquals(first.events(), again.events());
        assertEquals(first.version(), version());
    }

    @Test
    void theSameKeyWithAnotherTokenIsAConflict() {
        engine.execute(submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        Command.OpenNegotiation open = open("taobao", 7);
        engine.execute(open);

        Command.OpenNegotiation other = Commands.headerOf(open).externalVersion("taobao", 8).openNegotiation().leg(S1)
                .build();
        assertThrows(IdempotencyConflictException.class, () -> engine.execute(other));
    }

    @Test
    void aSubmissionMayCarryTheFirstTokenAndTheHistoryFoldsBackToIt() {
        Command.SubmitReturn plain = submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00")));
        Command.SubmitReturn submit = Commands.headerOf(plain).externalVersion("taobao", 3).submitReturn()
                .order(plain.order()).customer(plain.customer()).customerNumber(plain.customerNumber())
                .lines(plain.lines()).reason(plain.reason()).wanted(plain.wanted()).deliveredAt(plain.deliveredAt())
                .build();

        engine.execute(submit);

        CaseHistory history = store.load(TENANT, c).orElseThrow();
        assertEquals(List.of("ReturnRequested", "ExternalVersionRecorded"),
                history.events().stream().map(ReturnEvent::type).toList());
        assertEquals(OptionalLong.of(3),
                ReturnWorkflow.evolve(java.util.Optional.empty(), history.events()).externalVersion("taobao"));
    }

    @Test
    void aCommandWithoutATokenLeavesTheTokensAsTheyAre() {
        engine.execute(submit(c, "AS-EXT", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open("taobao", 9));

        CommandResult agreed = engine.execute(EngineFixtures.agree(c, S1));

        assertEquals(1, agreed.events().size());
        assertEquals(OptionalLong.of(9), agreed.state().externalVersion("taobao"));
    }

    @Test
    void racingTokensOfOneSourceKeepTheNewestAndRefuseOnlyWhatTurnedStale() throws Exception {
        int racers = 6;
        List<dev.returnsync.spi.ReturnLine> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= racers; i++) {
            lines.add(line("SKU-" + i, dev.returnsync.spi.SupplierId.of("sup-r" + i), 1, 1, "1.00"));
        }
        engine.execute(submit(c, "AS-EXT", lines));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> outcomes = new java.util.ArrayList<>();
            for (int i = 1; i <= racers; i++) {
                // each racer opens its own leg, legal in any order: only the tokens can refuse it
                Command.OpenNegotiation open = Commands.as(reseller()).key(key()).onCase(c).externalVersion("taobao", i)
                        .openNegotiation().leg(dev.returnsync.spi.SupplierId.of("sup-r" + i)).build();
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        engine.execute(open);
                        return true;
                    } catch (CommandRefusedException e) {
                        assertEquals(Refusal.Code.STALE_EXTERNAL_VERSION, e.refusal().code());
                        return false;
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < racers; i++) {
                boolean accepted = outcomes.get(i).get(5, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(accepted || i < racers - 1, "the newest token is never stale");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(OptionalLong.of(racers), engine.caseView(reseller(), c).state().externalVersion("taobao"));
        List<Long> recorded = store.load(TENANT, c).orElseThrow().events().stream()
                .filter(e -> e instanceof ReturnEvent.ExternalVersionRecorded)
                .map(e -> ((ReturnEvent.ExternalVersionRecorded) e).version().version()).toList();
        assertEquals(recorded.stream().sorted().distinct().toList(), recorded, "recorded tokens only ever grow");
    }
}
