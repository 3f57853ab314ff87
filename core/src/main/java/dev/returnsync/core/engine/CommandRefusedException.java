package dev.returnsync.core.engine;

import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.RefusalException;

/**
 * The engine refused a command: the workflow refused it (wrong state, role or party, a payload that does not fit
 * the case, a version the case no longer has, or a custom rule), or the asker may not see the case. Nothing was
 * changed. {@link #refusal()} names the case state, the command and the reason; {@link #code()} tells the kinds
 * apart; {@link #command()} is {@code null} for a query (see {@link CaseNotFoundException}).
 */
public class CommandRefusedException extends RefusalException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a refusal.
     *
     * @param refusal the refusal; not null
     */
    public CommandRefusedException(Refusal refusal) {
        super(refusal);
    }

    /**
     * Creates the exception for a refusal, with a message of the subclass's own.
     *
     * @param refusal the refusal; not null
     * @param message the message
     */
    protected CommandRefusedException(Refusal refusal, String message) {
        super(refusal, message);
    }
}
