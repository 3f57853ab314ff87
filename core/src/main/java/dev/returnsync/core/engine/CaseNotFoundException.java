package dev.returnsync.core.engine;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.spi.CaseId;

/**
 * No such case for the asker: it does not exist, or it belongs to another tenant, or the asker is not a party
 * of it (a customer of another customer's case, a supplier without a leg in it). The three answers are the same
 * exception with the same code and the same message, byte for byte, so nothing leaks about cases the asker may
 * not see: not their existence, version, legs or state.
 *
 * <p>The message names what was asked (the command type, or nothing for a query) and what the asker gave (the
 * case id; for a supplier callback, which names the return by its reseller number, not even that).
 */
public final class CaseNotFoundException extends CommandRefusedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from a refusal with the code {@link Refusal.Code#CASE_NOT_FOUND}.
     *
     * @param refusal the refusal; not null
     */
    public CaseNotFoundException(Refusal refusal) {
        super(refusal, message(refusal.command(), refusal.caseId()));
    }

    /**
     * The answer to a command about a case the asker cannot see.
     *
     * @param caseId the case the command named
     * @param asked the type of the command
     * @return the exception
     */
    public static CaseNotFoundException forCommand(CaseId caseId, CommandType asked) {
        return new CaseNotFoundException(refusal(caseId, asked));
    }

    /**
     * The answer to a query ({@code caseView}, {@code history}, ...) about a case the asker cannot see.
     *
     * @param caseId the case the query named
     * @return the exception
     */
    public static CaseNotFoundException forQuery(CaseId caseId) {
        return new CaseNotFoundException(refusal(caseId, null));
    }

    /**
     * The answer to a supplier callback naming a return by a number the supplier cannot see; no case id.
     *
     * @param asked the type of the command the callback makes
     * @return the exception
     */
    public static CaseNotFoundException forNumber(CommandType asked) {
        return new CaseNotFoundException(refusal(null, asked));
    }

    private static Refusal refusal(CaseId caseId, CommandType asked) {
        return new Refusal(Refusal.Code.CASE_NOT_FOUND, caseId, null, asked, reason(caseId), null);
    }

    private static String reason(CaseId caseId) {
        return caseId == null ? "no return with this number in this tenant" : "no case " + caseId + " in this tenant";
    }

    private static String message(CommandType asked, CaseId caseId) {
        return Refusal.Code.CASE_NOT_FOUND + ": " + (asked == null ? "" : asked + ": ") + reason(caseId);
    }
}
