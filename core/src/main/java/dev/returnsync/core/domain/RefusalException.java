package dev.returnsync.core.domain;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnSyncException;

/**
 * The workflow refused a command: wrong state, role or party, a payload that does not fit the case, a version the
 * case no longer has, or a custom rule. Nothing was changed. Thrown by {@link Decision#eventsOrThrow()}; the
 * engine throws its subclass {@code CommandRefusedException}. {@link #refusal()} names the case state, the command
 * and the reason; {@link #code()} tells the kinds apart.
 */
public class RefusalException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    /**
     * Creates the exception for a refusal.
     *
     * @param refusal the refusal; not null
     */
    public RefusalException(Refusal refusal) {
        this(refusal, refusal.toString());
    }

    /**
     * Creates the exception for a refusal, with a message of the subclass's own.
     *
     * @param refusal the refusal; not null
     * @param message the message
     */
    protected RefusalException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    /** {@return the refusal, as the workflow gave it} */
    public Refusal refusal() {
        return refusal;
    }

    /** {@return the kind of refusal} */
    public Refusal.Code code() {
        return refusal.code();
    }

    /** {@return the case, or {@code null} when none exists} */
    public CaseId caseId() {
        return refusal.caseId();
    }

    /** {@return the state of the commanded leg, or {@code null}} */
    public LegState state() {
        return refusal.state();
    }

    /** {@return the type of the refused command, or {@code null} for a query} */
    public CommandType command() {
        return refusal.command();
    }

    /** {@return the name of the custom rule that refused, or {@code null}} */
    public String rule() {
        return refusal.rule();
    }
}
