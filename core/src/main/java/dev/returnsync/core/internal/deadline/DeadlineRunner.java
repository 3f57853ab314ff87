package dev.returnsync.core.internal.deadline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.internal.CommandRunner;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Fires due deadlines: asks the store's due index for the cases due at or before a time, in pages, and fires each
 * due leg with {@link Command.FireDeadline} as the SYSTEM actor {@code deadline-runner}. The command's key derives
 * from the case, the leg, its state and since when it waits, so two runners, or a retry, fire a deadline once.
 *
 * <p>A case that fails (the store is unreachable for a moment, the case is contended) is counted and skipped; the
 * others go on. Nothing was appended for it, so it stays due and the next run tries it again. A case the index
 * lists as due but with no leg due at the run's time (a stale entry, e.g. after the host lengthened a deadline) is
 * counted as stale and left as it is. Not API.
 */
public final class DeadlineRunner {
    private static final Logger log = LoggerFactory.getLogger(DeadlineRunner.class);
    private static final String RUNNER = "deadline-runner";

    private final CaseStore store;
    private final StoreGateway cases;
    private final DeadlinePolicy deadlines;
    private final CommandRunner runner;
    private final int pageSize;

    /**
     * A runner over a store that reads {@code pageSize} due cases at a time, and each due case through the engine's
     * gateway (its fold cache: a case folded before is brought up to date, not folded again).
     */
    public DeadlineRunner(CaseStore store, StoreGateway cases, DeadlinePolicy deadlines, CommandRunner runner,
                          int pageSize) {
        this.store = store;
        this.cases = cases;
        this.deadlines = deadlines;
        this.runner = runner;
        this.pageSize = pageSize;
    }

    /**
     * Fires every deadline due at or before {@code now}. Walks the due index once, page after page, each page
     * starting after the last case of the one before, until a page is short: a case that stays due (refused,
     * failed, or listed without a due leg) is passed over, never read again in this run, and never hides the cases
     * behind it. A case whose due time moves further on while the run walks is fired at most once.
     */
    public DeadlineReport runDue(Instant now) {
        Tally tally = new Tally();
        Set<Map.Entry<TenantId, CaseId>> seen = new HashSet<>(); // a case id is unique in its tenant only
        DueCase after = null;
        while (true) {
            List<DueCase> page = store.findDue(now, after, pageSize);
            for (DueCase d : page) {
                if (seen.add(Map.entry(d.tenant(), d.caseId()))) {
                    fireCaseSafely(d, now, tally);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        if (tally.stale > 0) {
            log.info("{} cases were listed as due at {} but had no deadline due; their next change corrects the"
                    + " index", tally.stale, now);
        }
        return new DeadlineReport(tally.fired, tally.refused, tally.failed, tally.stale);
    }

    private void fireCaseSafely(DueCase d, Instant now, Tally tally) {
        try {
            fireCase(d, now, tally);
        } catch (RuntimeException e) {
            tally.failed++;
            log.warn("deadlines of case {} not fired: {}; the next run tries again", d.caseId(),
                    e.getClass().getName());
        }
    }

    private void fireCase(DueCase due, Instant now, Tally tally) {
        Optional<FoldCache.Folded> read = cases.read(due.tenant(), due.caseId());
        if (read.isEmpty()) {
            tally.stale++;
            return;
        }
        ReturnCase c = read.get().state();
        boolean anyDue = false;
        for (Leg leg : c.legs()) {
            Optional<Instant> legDue = leg.dueAt(deadlines);
            if (legDue.isPresent() && !legDue.get().isAfter(now)) {
                anyDue = true;
                fireLeg(c, leg, now, tally);
            }
        }
        if (!anyDue) {
            tally.stale++;
        }
    }

    private void fireLeg(ReturnCase c, Leg leg, Instant now, Tally tally) {
        String seed = c.id() + "|" + leg.supplier() + "|" + leg.state() + "|" + leg.since();
        Command.FireDeadline fire = new Command.FireDeadline(
                IdempotencyKey.of("deadline-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))),
                Actor.system(c.tenant(), RUNNER), null, null, c.id(), leg.supplier());
        try {
            CommandResult result = runner.run(fire, now);
            if (!result.replayed()) {
                tally.fired++;
            }
            log.debug("deadline of case {} leg {} in {} fired", c.id(), leg.supplier(), leg.state());
        } catch (CommandRefusedException e) {
            tally.refused++;
            log.info("deadline of case {} leg {} not fired: {}", c.id(), leg.supplier(), e.code());
        }
    }

    /** What one run did. */
    private static final class Tally {
        int fired;
        int refused;
        int failed;
        int stale;
    }
}
