package dev.returnsync.core.internal.pipeline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.engine.CaseIdGenerator;
import dev.returnsync.spi.CaseId;

import java.time.Instant;

/** The first stage: gives a submission without a case id one from the generator. Not API. */
final class CaseIds {
    private final CaseIdGenerator generator;

    CaseIds(CaseIdGenerator generator) {
        this.generator = generator;
    }

    /** True when the stage fills the command's case id in. */
    static boolean needs(Command command) {
        return command instanceof Command.SubmitReturn submit && submit.caseId() == null && submit.actor() != null;
    }

    /**
     * The submission with a freshly generated case id.
     *
     * @throws IllegalArgumentException if the generator made an id that is no valid case id
     */
    Command.SubmitReturn fill(Command.SubmitReturn s, Instant now) {
        CaseId id = CaseId.of(generator.next(s.actor().tenant(), now));
        return new Command.SubmitReturn(s.key(), s.actor(), s.expectedVersion(), s.externalVersion(), id, s.customer(), s.order(),
                s.customerNumber(), s.resellerNumber(), s.lines(), s.reason(), s.wanted(), s.deliveredAt());
    }
}
