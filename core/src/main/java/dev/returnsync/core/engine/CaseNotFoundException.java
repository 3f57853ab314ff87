package dev.returnsync.core.engine;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.spi.CaseId;

/**
 * No such case for the asker: it does not exist, or it belongs to another tenant, or the asker is not a party
 * of it. The three look the same on purpose, so nothing leaks about other tenants' cases.
 */
public final class CaseNotFoundException extends CommandRefusedException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception from the workflow's refusal. */
    public CaseNotFoundException(Refusal refusal) {
        super(refusal);
    }

    /** Creates the exception for a query about a case, outside any command. */
    public static CaseNotFoundException forQuery(CaseId caseId, CommandType asked) {
        return new CaseNotFoundException(new Refusal(Refusal.Code.CASE_NOT_FOUND, caseId, null, asked,
                "no case " + caseId + " in this tenant", null));
    }
}
