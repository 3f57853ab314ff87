package dev.returnsync.marketplace;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;

/**
 * What the outbound tables read of a leg: its state, its outcome and whether its inspection accepted nothing. A
 * value of its own so that the inbound walk can ask the tables about states the leg has not reached yet.
 *
 * @param state the leg's state
 * @param outcome the agreed outcome, or the one the customer wants before agreement
 * @param nothingAccepted true when goods came back and the inspection accepted none of them
 */
record LegFacts(LegState state, OutcomeType outcome, boolean nothingAccepted) {
    static LegFacts of(Leg leg, OutcomeType wanted) {
        OutcomeType outcome = leg.outcome() == null ? wanted : leg.outcome();
        boolean inspected = leg.lines().stream().anyMatch(line -> line.accepted() + line.rejected() > 0);
        return new LegFacts(leg.state(), outcome, inspected && leg.totalAccepted() == 0);
    }

    LegFacts in(LegState next) {
        return new LegFacts(next, outcome, nothingAccepted);
    }

    boolean refundOnly() {
        return !outcome.shipsGoodsBack();
    }
}
