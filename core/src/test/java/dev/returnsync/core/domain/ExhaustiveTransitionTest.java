package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.CUSTOMER;
import static dev.returnsync.core.domain.Fixtures.OTHER_CUSTOMER;
import static dev.returnsync.core.domain.Fixtures.OTHER_TENANT;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.STRANGER;
import static dev.returnsync.core.domain.Fixtures.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every leg state x every command type x every role, as its own party and as another: each combination is
 * either a row of the transition table (accepted, landing in the row's target state) or a typed refusal
 * with the code the table predicts; a refused command leaves the case as it was.
 */
class ExhaustiveTransitionTest {
    private static final ReturnWorkflow WORKFLOW = ReturnWorkflow.ofDefaults();
    private static final WorkflowDefinition TABLE = WORKFLOW.definition();

    /** Who fires the command: each role as a party of the case and as a stranger to it. */
    enum Who {
        OWN_CUSTOMER(Actor.customer(TENANT, CUSTOMER), true),
        OTHER_CUSTOMER(Actor.customer(TENANT, Fixtures.OTHER_CUSTOMER), false),
        CUSTOMER_OF_OTHER_TENANT(Actor.customer(OTHER_TENANT, CUSTOMER), false),
        RESELLER(Actor.reseller(TENANT, "staff-1"), true),
        OTHER_TENANT_RESELLER(Actor.reseller(OTHER_TENANT, "staff-1"), false),
        OWN_SUPPLIER(Actor.supplier(TENANT, S1), true),
        OTHER_SUPPLIER(Actor.supplier(TENANT, STRANGER), false),
        OWN_SUPPLIER_IN_OTHER_TENANT(Actor.supplier(OTHER_TENANT, S1), false),
        SYSTEM(Actor.system(TENANT, "timer"), true),
        OTHER_TENANT_SYSTEM(Actor.system(OTHER_TENANT, "timer"), false);

        final Actor actor;
        final boolean party;

        Who(Actor actor, boolean party) {
            this.actor = actor;
            this.party = party;
        }
    }

    @Test
    void everyStateCommandAndRoleIsATransitionOrATypedRefusal() {
        List<StateCatalog.Sample> samples = StateCatalog.all();
        Set<LegState> statesSeen = EnumSet.noneOf(LegState.class);
        Set<Transition> rowsTaken = new HashSet<>();
        int accepted = 0;
        int refused = 0;
        for (StateCatalog.Sample sample : samples) {
            statesSeen.add(sample.state());
            ReturnCase before = sample.current();
            Leg leg = before.leg(S1).orElseThrow();
            for (CommandType type : CommandType.values()) {
                // a re-application within its window, everything else late enough for any deadline to be due
                Instant now = leg.since().plus(type == CommandType.REAPPLY ? Duration.ofDays(1) : Duration.ofDays(30));
                for (Who who : Who.values()) {
                    Command command = command(type, who.actor, before, leg);
                    Decision decision = WORKFLOW.decide(before, command, RuleContext.at(now));
                    Expected expected = expect(type, who, leg);
                    String where = sample.path() + " in " + sample.state() + ": " + type + " by " + who;
                    if (expected.row != null) {
                        if (!(decision instanceof Decision.Accepted ok)) {
                            fail(where + " should be accepted by " + expected.row + " but was " + decision);
                            return;
                        }
                        ReturnCase after = ReturnWorkflow.evolve(before, ok.events());
                        assertEquals(expected.row.to(), after.leg(S1).orElseThrow().state(), where);
                        assertEquals(before.version() + 1, after.version(), where);
                        assertEquals(expected.row.event(), ok.events().get(0).type(), where);
                        rowsTaken.add(expected.row);
                        accepted++;
                    } else {
                        if (!(decision instanceof Decision.Refused no)) {
                            fail(where + " should be refused with " + expected.code + " but was " + decision);
                            return;
                        }
                        assertEquals(expected.code, no.refusal().code(), where + ": " + no.refusal());
                        assertEquals(type, no.refusal().command(), where);
                        assertEquals(CASE, no.refusal().caseId(), where);
                        refused++;
                    }
                    assertEquals(sample.current(), before, "deciding changes nothing");
                }
            }
        }
        assertEquals(EnumSet.allOf(LegState.class), statesSeen, "every leg state is exercised");
        Set<Transition> legRows = new HashSet<>(TABLE.transitions());
        legRows.removeIf(row -> row.command() == CommandType.SUBMIT_RETURN);
        assertEquals(legRows, rowsTaken, "every row of the table is taken at least once");
        assertTrue(accepted > 100 && refused > 5_000, "accepted " + accepted + ", refused " + refused);
    }

    @Test
    void submissionIsForTheOwnCustomerAndTheResellerOnly() {
        for (Who who : Who.values()) {
            Command.SubmitReturn submit = Fixtures.submit(IdempotencyKey.of("k"), who.actor,
                    List.of(Fixtures.line("SKU-1", S1, 1, 1, "9.90")), dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND);
            Decision decision = WORKFLOW.decide(Optional.empty(), submit, RuleContext.at(Fixtures.T0));
            boolean mayOpen = (who == Who.OWN_CUSTOMER || who == Who.RESELLER || who == Who.OTHER_TENANT_RESELLER);
            // a customer acting in another tenant submits with numbers scoped to the fixture tenant: refused
            assertEquals(mayOpen && who != Who.OTHER_TENANT_RESELLER, decision.accepted(), who + ": " + decision);
        }
    }

    private record Expected(Transition row, Refusal.Code code) {
        static Expected refused(Refusal.Code code) {
            return new Expected(null, code);
        }
    }

    /** What the transition table predicts, in the order the workflow documents its checks. */
    private static Expected expect(CommandType type, Who who, Leg leg) {
        Role role = who.actor.role();
        if (type == CommandType.SUBMIT_RETURN) {
            return Expected.refused(Refusal.Code.CASE_EXISTS);
        }
        if (!who.actor.tenant().equals(TENANT)) {
            return Expected.refused(Refusal.Code.CASE_NOT_FOUND);
        }
        if (!TABLE.roles(type).contains(role)) {
            return Expected.refused(Refusal.Code.ROLE_NOT_ALLOWED);
        }
        if (!who.party) {
            return Expected.refused(Refusal.Code.NOT_A_PARTY);
        }
        List<Transition> rows = TABLE.rows(type, leg.state());
        if (rows.isEmpty()) {
            return Expected.refused(Refusal.Code.ILLEGAL_TRANSITION);
        }
        List<Transition> forRole = new ArrayList<>(rows);
        forRole.removeIf(row -> !row.roles().contains(role));
        if (forRole.isEmpty()) {
            return Expected.refused(Refusal.Code.ROLE_NOT_ALLOWED);
        }
        forRole.removeIf(row -> !row.condition().test(leg));
        if (forRole.isEmpty()) {
            return Expected.refused(Refusal.Code.CONDITION_NOT_MET);
        }
        if (type == CommandType.FIRE_DEADLINE && leg.dueAt(WORKFLOW.deadlines()).isEmpty()) {
            return Expected.refused(Refusal.Code.NOT_DUE);
        }
        if (type == CommandType.REAPPLY && leg.round() >= WORKFLOW.reapplication().maxRounds()) {
            return Expected.refused(Refusal.Code.REAPPLICATION_CLOSED);
        }
        return new Expected(forRole.get(0), null);
    }

    /** A command of the type with a payload that fits the leg. */
    static Command command(CommandType type, Actor actor, ReturnCase c, Leg leg) {
        IdempotencyKey key = IdempotencyKey.of("x-" + type);
        Reason reason = Reason.of(ReasonCode.OTHER, "because");
        List<LineQuantity> authorized = leg.lines().stream().map(l -> new LineQuantity(l.sku(), l.authorized())).toList();
        List<LineQuantity> received = leg.lines().stream().map(l -> new LineQuantity(l.sku(), l.received())).toList();
        switch (type) {
            case SUBMIT_RETURN:
                return Fixtures.submit(key, actor, List.of(Fixtures.line("SKU-1", S1, 1, 1, "1.00")),
                        dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND);
            case OPEN_NEGOTIATION:
                return new Command.OpenNegotiation(key, actor, null, null, CASE, S1);
            case AGREE_RETURN:
                return new Command.AgreeReturn(key, actor, null, null, CASE, S1, c.wanted(), List.of(), null, null, null, List.of());
            case DECLINE_RETURN:
                return new Command.DeclineReturn(key, actor, null, null, CASE, S1, reason);
            case APPLY_FOR_RETURN:
                return new Command.ApplyForReturn(key, actor, null, null, CASE, S1);
            case ISSUE_SUPPLIER_NUMBER:
                return new Command.IssueSupplierNumber(key, actor, null, null, CASE, S1, ReturnNumber.supplierReturn(S1, "SN-NEW"));
            case REPLACE_SUPPLIER_NUMBER:
                return new Command.ReplaceSupplierNumber(key, actor, null, null, CASE, S1, ReturnNumber.supplierReturn(S1, "SN-NEW"));
            case SHARE_NUMBER_WITH_CUSTOMER:
                return new Command.ShareNumberWithCustomer(key, actor, null, null, CASE, S1);
            case REPORT_SHIPMENT:
                return new Command.ReportShipment(key, actor, null, null, CASE, S1, ReturnNumber.returnTracking("ZTO", "ZT99999999"));
            case CONFIRM_RECEIPT:
                return new Command.ConfirmReceipt(key, actor, null, null, CASE, S1, authorized);
            case REPORT_RESULT:
                return leg.shipsGoodsBack()
                        ? new Command.ReportResult(key, actor, null, null, CASE, S1, received, List.of(), "ok", null, List.of())
                        : new Command.ReportResult(key, actor, null, null, CASE, S1, List.of(), List.of(), "ok", null, List.of());
            case SHIP_REPLACEMENT:
                return new Command.ShipReplacement(key, actor, null, null, CASE, S1, ReturnNumber.replacementTracking("ZTO", "ZT88888888"));
            case REPORT_RESULT_TO_CUSTOMER:
                return new Command.ReportResultToCustomer(key, actor, null, null, CASE, S1, "result", null);
            case CONFIRM_RESULT:
                return new Command.ConfirmResult(key, actor, null, null, CASE, S1);
            case DISPUTE_RESULT:
                return new Command.DisputeResult(key, actor, null, null, CASE, S1, reason);
            case CANCEL_RETURN:
                return new Command.CancelReturn(key, actor, null, null, CASE, S1);
            case CLOSE_LEG:
                return new Command.CloseLeg(key, actor, null, null, CASE, S1, reason);
            case FIRE_DEADLINE:
                return new Command.FireDeadline(key, actor, null, null, CASE, S1);
            case OFFER_PARTIAL_REFUND:
                return new Command.OfferPartialRefund(key, actor, null, null, CASE, S1,
                        new dev.returnsync.spi.Money(leg.worth().currency(), 1), "half back, keep the goods");
            case ACCEPT_PARTIAL_REFUND:
                return new Command.AcceptPartialRefund(key, actor, null, null, CASE, S1);
            case REJECT_PARTIAL_REFUND:
                return new Command.RejectPartialRefund(key, actor, null, null, CASE, S1, reason);
            case REAPPLY:
                return new Command.Reapply(key, actor, null, null, CASE, S1, reason);
            case SEND_MESSAGE:
                return new Command.SendMessage(key, actor, null, null, CASE, S1,
                        actor.role() == Role.RESELLER ? Role.CUSTOMER : Role.RESELLER, "any news?");
            default:
                throw new AssertionError(type);
        }
    }
}
