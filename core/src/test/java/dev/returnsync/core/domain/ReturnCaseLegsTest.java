package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A case keeps one leg as itself and several as a list: both read, compare and move alike. */
@Timeout(10)
class ReturnCaseLegsTest {
    private static final ReturnCase ONE = StateCatalog.all().get(0).current();
    private static final Leg FIRST = ONE.legs().get(0);

    @Test
    void aOneLegCaseEqualsTheSameCaseMadeFromAListAndListsItsLegOnce() {
        ReturnCase fresh = new ReturnCase(ONE.header(), FIRST, ONE.version(), Map.of());
        ReturnCase listed = new ReturnCase(ONE.header(), List.of(FIRST), ONE.version(), Map.of());
        assertEquals(listed, fresh);
        assertEquals(listed.hashCode(), fresh.hashCode());
        assertEquals(listed.toString(), fresh.toString());
        assertSame(fresh.legs(), fresh.legs());
        assertEquals(List.of(FIRST), fresh.legs());
        assertEquals(fresh, listed);
        assertNotEquals(fresh, new ReturnCase(ONE.header(), FIRST, ONE.version() + 1, Map.of()));
    }

    @Test
    void aCaseOfTwoLegsReplacesTheLegThatMoved() {
        Leg second = other(FIRST, Fixtures.S2);
        ReturnCase two = new ReturnCase(ONE.header(), List.of(FIRST, second), 3, Map.of());
        Leg moved = second.movedTo(LegState.NEGOTIATING, Fixtures.T0);
        ReturnCase after = two.withLeg(moved);
        assertEquals(List.of(FIRST, moved), after.legs());
        assertEquals(4, after.version());
        assertSame(moved, after.legOrNull(Fixtures.S2));
        assertNotEquals(two, after);
        assertThrows(IllegalStateException.class, () -> two.withLeg(other(FIRST, SupplierId.of("sup-9"))));
        assertThrows(IllegalArgumentException.class, () -> new ReturnCase(ONE.header(), List.of(), 1, Map.of()));
    }

    @Test
    void aOneLegCaseMovesItsLegWithoutAList() {
        Leg moved = FIRST.movedTo(LegState.NEGOTIATING, Fixtures.T0);
        ReturnCase after = ONE.withLeg(moved);
        assertEquals(List.of(moved), after.legs());
        assertEquals(ONE.version() + 1, after.version());
        assertEquals(ONE.header(), after.header());
    }

    private static Leg other(Leg leg, SupplierId supplier) {
        return new Leg(supplier, leg.state(), leg.since(), leg.outcome(), leg.lines(), leg.supplierNumber(),
                leg.supersededNumbers(), leg.returnTracking(), leg.replacementTracking(), leg.numberShared(),
                leg.escalatedIn(), leg.refund(), leg.money(), leg.round());
    }
}
