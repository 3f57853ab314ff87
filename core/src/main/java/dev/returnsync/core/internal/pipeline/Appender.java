package dev.returnsync.core.internal.pipeline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.internal.outbox.OutboxPlanner;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.VersionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append stage: the decided events go to the store in one atomic batch with the number links they add or change,
 * the case's next due time, the outbox work they cause and the command's idempotency record. Says whether the batch went in, lost
 * the race for the case, or met a number linked elsewhere. Not API.
 */
final class Appender {
    /** What became of an append. */
    sealed interface Outcome {
    }

    /** The batch is stored. */
    record Appended() implements Outcome {
        static final Appended INSTANCE = new Appended();
    }

    /** Another command changed the case first, or a twin with the same key was appended first. */
    record LostRace() implements Outcome {
        static final LostRace INSTANCE = new LostRace();
    }

    /** A number of the batch is linked to another case. */
    record NumberTaken(ReturnNumber number) implements Outcome {
    }

    private final StoreGateway store;
    private final OutboxPlanner planner;
    private final DeadlinePolicy deadlines;

    Appender(StoreGateway store, OutboxPlanner planner, DeadlinePolicy deadlines) {
        this.store = store;
        this.planner = planner;
        this.deadlines = deadlines;
    }

    Outcome append(Command command, Decider.Decided decided, String fingerprint, Instant now) {
        long expected = decided.expectedVersion();
        AppendBatch batch = new AppendBatch(command.actor().tenant(), command.caseId(), expected, decided.events(),
                changedLinks(decided), decided.after().nextDueAt(deadlines).orElse(null),
                planner.plan(decided.before(), decided.after(), decided.events(), now),
                new IdempotencyRecord(command.actor().tenant(), command.key(), fingerprint, command.caseId(),
                        expected + 1, decided.after().version()));
        try {
            store.append(batch);
        } catch (VersionConflictException | IdempotencyKeyTakenException e) {
            return LostRace.INSTANCE;
        } catch (NumberAlreadyLinkedException e) {
            return new NumberTaken(e.number());
        }
        store.remember(decided.after(), decided.lastEventAt());
        return Appended.INSTANCE;
    }

    /**
     * The links the events add or change: a link the case had before, as it was, is stored already. The append's
     * version check confirms the case was stored as {@code before}, so nothing the store holds is left out.
     */
    private static List<NumberLink> changedLinks(Decider.Decided decided) {
        if (decided.before().isEmpty()) {
            return decided.after().links();
        }
        if (sameNumbers(decided.before().get(), decided.after())) {
            return List.of(); // most steps: no number moved, so no link list is built
        }
        List<NumberLink> after = decided.after().links();
        List<NumberLink> before = decided.before().get().links();
        List<NumberLink> changed = new ArrayList<>(1);
        for (NumberLink link : after) {
            if (!before.contains(link)) {
                changed.add(link);
            }
        }
        return changed;
    }

    /**
     * True when two versions of a case hold the very same numbers (the same header and, leg by leg, the same supplier,
     * supplier number, superseded numbers and tracking numbers), so that their {@link ReturnCase#links()} are equal.
     */
    private static boolean sameNumbers(ReturnCase before, ReturnCase after) {
        List<Leg> was = before.legs();
        List<Leg> is = after.legs();
        if (before.header() != after.header() || was.size() != is.size()) {
            return false;
        }
        for (int i = 0; i < is.size(); i++) {
            Leg b = was.get(i);
            Leg a = is.get(i);
            if (b != a && (b.supplier() != a.supplier() || b.supplierNumber() != a.supplierNumber()
                    || b.supersededNumbers() != a.supersededNumbers() || b.returnTracking() != a.returnTracking()
                    || b.replacementTracking() != a.replacementTracking())) {
                return false;
            }
        }
        return true;
    }
}
