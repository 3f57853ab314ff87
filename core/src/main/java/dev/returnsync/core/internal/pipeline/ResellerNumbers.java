package dev.returnsync.core.internal.pipeline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.engine.ResellerNumberGenerator;
import dev.returnsync.spi.ReturnNumber;

import java.time.Instant;

/** The first stage: gives a submission without a reseller return number one from the generator. Not API. */
final class ResellerNumbers {
    private final ResellerNumberGenerator generator;

    ResellerNumbers(ResellerNumberGenerator generator) {
        this.generator = generator;
    }

    /** True when the stage fills the command's reseller number in. */
    static boolean needs(Command command) {
        return command instanceof Command.SubmitReturn submit && submit.resellerNumber() == null
                && submit.actor() != null;
    }

    /** The submission with a freshly generated reseller return number. */
    Command.SubmitReturn fill(Command.SubmitReturn s, Instant now) {
        ReturnNumber number = ReturnNumber.resellerReturn(s.actor().tenant(), generator.next(s.actor().tenant(), now));
        return new Command.SubmitReturn(s.key(), s.actor(), s.expectedVersion(), s.externalVersion(), s.caseId(), s.customer(), s.order(),
                s.customerNumber(), number, s.lines(), s.reason(), s.wanted(), s.deliveredAt());
    }
}
