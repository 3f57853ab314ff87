package dev.returnsync.core.domain;

import dev.returnsync.core.domain.Transition.Condition;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transition table's rows keep their roles as bit masks and hand them out as {@link RoleSet}s: each must be the
 * set an {@link EnumSet} of the same roles is (equality both ways, hash, order, text, look-ups) and unmodifiable.
 */
@Timeout(10)
class RoleSetTest {
    @Test
    void everyMaskIsTheSetOfItsRoles() {
        for (int mask = 0; mask <= RoleSet.ALL; mask++) {
            Set<Role> expected = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if ((mask & 1 << role.ordinal()) != 0) {
                    expected.add(role);
                }
            }
            RoleSet roles = RoleSet.of(mask);
            assertEquals(expected, roles);
            assertEquals(roles, expected);
            assertEquals(expected.hashCode(), roles.hashCode());
            assertEquals(expected.toString(), roles.toString());
            assertEquals(List.copyOf(expected), new ArrayList<>(roles), "in Role order");
            assertEquals(expected.size(), roles.size());
            assertEquals(expected.isEmpty(), roles.isEmpty());
            for (Role role : Role.values()) {
                assertEquals(expected.contains(role), roles.contains(role), role::name);
                assertEquals(expected.contains(role), roles.has(role), role::name);
            }
            assertFalse(roles.contains(null));
            assertFalse(roles.contains(LegState.REQUESTED));
            assertSame(roles, RoleSet.of(mask), "made once");
        }
    }

    @Test
    void aRoleSetCannotBeChanged() {
        RoleSet roles = RoleSet.of(RoleSet.bit(Role.CUSTOMER) | RoleSet.bit(Role.SYSTEM));
        assertThrows(UnsupportedOperationException.class, () -> roles.add(Role.SUPPLIER));
        assertThrows(UnsupportedOperationException.class, () -> roles.remove(Role.CUSTOMER));
        assertThrows(UnsupportedOperationException.class, roles::clear);
        assertThrows(UnsupportedOperationException.class, () -> roles.removeIf(role -> true));
        Iterator<Role> iterator = roles.iterator();
        assertEquals(Role.CUSTOMER, iterator.next());
        assertThrows(UnsupportedOperationException.class, iterator::remove);
        assertEquals(Role.SYSTEM, iterator.next());
        assertFalse(iterator.hasNext());
        assertThrows(NoSuchElementException.class, iterator::next);
        assertEquals(Set.of(Role.CUSTOMER, Role.SYSTEM), roles);
    }

    @Test
    void aMaskWithBitsNoRoleHasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RoleSet.of(RoleSet.ALL + 1));
        assertThrows(IllegalArgumentException.class, () -> RoleSet.of(-1));
    }

    @Test
    void aRowNeedsARoleAndOnlyRolesBits() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new Transition(
                CommandType.CONFIRM_RESULT, LegState.RESULT_NOTIFIED, LegState.COMPLETED, 0, Condition.ALWAYS,
                "ResultConfirmed"));
        assertEquals("a transition needs at least one role: CONFIRM_RESULT from RESULT_NOTIFIED", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Transition(CommandType.CONFIRM_RESULT,
                LegState.RESULT_NOTIFIED, LegState.COMPLETED, RoleSet.ALL + 1, Condition.ALWAYS, "ResultConfirmed"));
        assertThrows(NullPointerException.class, () -> new Transition(null, LegState.RESULT_NOTIFIED,
                LegState.COMPLETED, RoleSet.ALL, Condition.ALWAYS, "ResultConfirmed"));
    }

    @Test
    void rowsAreEqualWhenAllTheirPartsAre() {
        Transition row = new Transition(CommandType.CONFIRM_RESULT, LegState.RESULT_NOTIFIED, LegState.COMPLETED,
                RoleSet.bit(Role.CUSTOMER), Condition.ALWAYS, "ResultConfirmed");
        Transition same = new Transition(CommandType.CONFIRM_RESULT, LegState.RESULT_NOTIFIED, LegState.COMPLETED,
                RoleSet.bit(Role.CUSTOMER), Condition.ALWAYS, "ResultConfirmed");
        assertEquals(row, same);
        assertEquals(row.hashCode(), same.hashCode());
        assertNotEquals(row, new Transition(CommandType.CONFIRM_RESULT, LegState.RESULT_NOTIFIED, LegState.COMPLETED,
                RoleSet.bit(Role.RESELLER), Condition.ALWAYS, "ResultConfirmed"));
        assertNotEquals(row, new Transition(CommandType.CONFIRM_RESULT, LegState.RESULT_NOTIFIED, LegState.COMPLETED,
                RoleSet.bit(Role.CUSTOMER), Condition.REPLACEMENT_DUE, "ResultConfirmed"));
        assertTrue(row.allows(Role.CUSTOMER));
        assertFalse(row.allows(Role.RESELLER));
        assertEquals("Transition[command=CONFIRM_RESULT, from=RESULT_NOTIFIED, to=COMPLETED, roles=[CUSTOMER], "
                + "condition=ALWAYS, event=ResultConfirmed]", row.toString());
    }

    @Test
    void theTablesRolesOfACommandAreTheUnionOfItsRows() {
        WorkflowDefinition table = WorkflowDefinition.of(DeadlinePolicy.ofDefaults());
        for (CommandType type : CommandType.values()) {
            Set<Role> union = EnumSet.noneOf(Role.class);
            for (Transition row : table.transitions()) {
                if (row.command() == type) {
                    union.addAll(row.roles());
                }
            }
            assertEquals(union, table.roles(type), type::name);
            for (Role role : Role.values()) {
                assertEquals(union.contains(role), table.allows(type, role), () -> type + " " + role);
            }
        }
    }
}
