package dev.returnsync.core.domain;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;

import java.util.Objects;

/**
 * Why a command was refused: the case and leg state it met, the command, a code and a reason in words.
 * A refused command changes nothing. Reasons never contain another tenant's data.
 *
 * @param code the kind of refusal
 * @param caseId the case, or {@code null} when no case exists
 * @param state the state of the commanded leg, or {@code null} for case-level commands and unknown legs
 * @param command the command type, or {@code null} when the refusal answers a query (a case not found)
 * @param reason what was wrong, in words
 * @param rule the name of the custom rule that refused, or {@code null} for the library's own checks
 */
public record Refusal(Code code, CaseId caseId, LegState state, CommandType command, String reason, String rule) {
    /**
     * Validates the refusal.
     *
     * @param code the kind of refusal
     * @param caseId the case, or {@code null} when no case exists
     * @param state the state of the commanded leg, or {@code null} for case-level commands and unknown legs
     * @param command the command type, or {@code null} when the refusal answers a query (a case not found)
     * @param reason what was wrong, in words
     * @param rule the name of the custom rule that refused, or {@code null} for the library's own checks
     */
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /** The kinds of refusal. */
    public enum Code {
        /** The case does not exist (or belongs to another tenant). */
        CASE_NOT_FOUND,
        /** A case with this id already exists. */
        CASE_EXISTS,
        /** The case has no leg for the named supplier. */
        UNKNOWN_LEG,
        /** The caller saw another version of the case than the current one. */
        VERSION_MISMATCH,
        /**
         * The command's external version is not newer than the one the case already accepted from the same source:
         * an outside system's status change arrived late or twice.
         */
        STALE_EXTERNAL_VERSION,
        /** The actor's role may not fire this command (here, or at all). */
        ROLE_NOT_ALLOWED,
        /** The actor is not a party of this case or leg. */
        NOT_A_PARTY,
        /** The transition table has no row for this command from the leg's state. */
        ILLEGAL_TRANSITION,
        /** A row exists but its condition does not hold (e.g. shipping on a refund-only leg). */
        CONDITION_NOT_MET,
        /** The payload does not fit the case (unknown SKU, quantity above what is allowed, wrong number kind). */
        INVALID_PAYLOAD,
        /** An amount, or a sum or product of amounts, lies outside the bounds of {@link dev.returnsync.spi.Money}. */
        AMOUNT_OUT_OF_RANGE,
        /** An amount is in another currency than the case's: every amount of a case is in its lines' currency. */
        CURRENCY_MISMATCH,
        /** A bounded count is used up: every partial refund offer the workflow allows a leg was made. */
        LIMIT_REACHED,
        /** The number is already linked to another leg of this case, or to another return. */
        NUMBER_TAKEN,
        /** The deadline is not due yet. */
        NOT_DUE,
        /** A re-application came after the window closed or when the leg had no round left: the decline is final. */
        REAPPLICATION_CLOSED,
        /** A custom rule refused; {@link #rule()} names it. */
        RULE
    }

    @Override
    public String toString() {
        return code + (rule == null ? "" : "[" + rule + "]") + ":" + (command == null ? "" : " " + command)
                + (caseId == null ? "" : " on " + caseId) + (state == null ? "" : " in " + state) + ": " + reason;
    }
}
