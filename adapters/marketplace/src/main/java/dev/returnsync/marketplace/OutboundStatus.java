package dev.returnsync.marketplace;

import dev.returnsync.spi.LegState;

import java.util.Objects;
import java.util.Optional;

/**
 * The marketplace status a leg shows: one row of a mapping's outbound table.
 *
 * @param state the leg's state
 * @param status the status the leg shows, or {@code null} when the fit is {@link Fit#NONE}
 * @param fit how well the status matches the state
 * @param note why the status is the nearest one, or why there is none; empty for an exact match
 * @param <S> the marketplace's status type
 */
public record OutboundStatus<S extends Enum<S> & RefundStatus>(LegState state, S status, Fit fit, String note) {
    /**
     * Validates the row: a status unless the fit is {@link Fit#NONE}, and a note unless the fit is exact.
     *
     * @param state the leg's state
     * @param status the status the leg shows, or {@code null} when the fit is {@link Fit#NONE}
     * @param fit how well the status matches the state
     * @param note why the status is the nearest one, or why there is none; empty for an exact match
     */
    public OutboundStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(note, "note");
        if ((status == null) != (fit == Fit.NONE)) {
            throw new IllegalArgumentException("status: a row has a status exactly when its fit is not NONE");
        }
        if (note.isBlank() != (fit == Fit.EXACT)) {
            throw new IllegalArgumentException("note: a row explains itself exactly when its fit is not EXACT");
        }
    }

    static <S extends Enum<S> & RefundStatus> OutboundStatus<S> exact(LegState state, S status) {
        return new OutboundStatus<>(state, status, Fit.EXACT, "");
    }

    static <S extends Enum<S> & RefundStatus> OutboundStatus<S> nearest(LegState state, S status, String note) {
        return new OutboundStatus<>(state, status, Fit.NEAREST, note);
    }

    static <S extends Enum<S> & RefundStatus> OutboundStatus<S> none(LegState state, String note) {
        return new OutboundStatus<>(state, null, Fit.NONE, note);
    }

    /** {@return the status the leg shows, or empty when the marketplace has no refund for it yet} */
    public Optional<S> shown() {
        return Optional.ofNullable(status);
    }
}
