package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every command type and every query x every role x own / other customer / other supplier / other tenant, on a case
 * that exists and on one that does not. A non-party's answer must be byte for byte what a missing case answers (same
 * exception type, code and message; an empty answer for look-ups); a party must never be told the case is missing.
 * The "missing" answer comes from an engine whose store is empty, asked the very same thing.
 *
 * <p>{@code SUBMIT_RETURN} creates a case, so "as if missing" would mean "accepted": it is left out here (a
 * submission under an id the tenant already uses is refused with {@code CASE_EXISTS}; case ids are the host's).
 */
@Timeout(60)
class IsolationMatrixTest {
    private static final CaseId CASE = CaseId.of("case-matrix");
    private static final CaseId MISSING = CaseId.of("case-nowhere");
    private static final java.util.concurrent.atomic.AtomicLong KEYS = new java.util.concurrent.atomic.AtomicLong();

    /** How an asker relates to the case. */
    enum Relation { OWN, OTHER_CUSTOMER, OTHER_SUPPLIER, OTHER_TENANT }

    private final TestClock clock = new TestClock(T0);
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
            .notifier(new InMemoryNotifier()).clock(clock).build();
    private final ReturnSyncEngine empty = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
            .notifier(new InMemoryNotifier()).clock(clock).build();
    private final Map<String, Integer> tally = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void close() {
        engine.close();
        empty.close();
    }

    /** The asker of a role in a relation, or null where the relation does not apply to the role. */
    private static Actor asker(Role role, Relation relation) {
        return switch (role) {
            case CUSTOMER -> switch (relation) {
                case OWN -> Actor.customer(TENANT, CUSTOMER);
                case OTHER_CUSTOMER -> Actor.customer(TENANT, CustomerId.of("c-other"));
                case OTHER_TENANT -> Actor.customer(OTHER_TENANT, CUSTOMER);
                case OTHER_SUPPLIER -> null;
            };
            case SUPPLIER -> switch (relation) {
                case OWN -> Actor.supplier(TENANT, S1);
                case OTHER_SUPPLIER -> Actor.supplier(TENANT, S3);
                case OTHER_TENANT -> Actor.supplier(OTHER_TENANT, S1);
                case OTHER_CUSTOMER -> null;
            };
            case RESELLER -> relation == Relation.OWN ? Actor.reseller(TENANT, "staff-1")
                    : relation == Relation.OTHER_TENANT ? Actor.reseller(OTHER_TENANT, "staff-1") : null;
            case SYSTEM -> relation == Relation.OWN ? Actor.system(TENANT, "timer")
                    : relation == Relation.OTHER_TENANT ? Actor.system(OTHER_TENANT, "timer") : null;
        };
    }

    /** A command of a type by an asker; a supplier acts on its own leg, everyone else on S1's. */
    private static Command command(CommandType type, Actor a, CaseId c, Long version) {
        SupplierId leg = a.role() == Role.SUPPLIER ? SupplierId.of(a.id()) : S1;
        IdempotencyKey k = IdempotencyKey.of("m-" + KEYS.incrementAndGet());
        Reason reason = Reason.of(ReasonCode.OTHER, "why");
        List<LineQuantity> one = List.of(LineQuantity.of("SKU-1", 1));
        return switch (type) {
            case OPEN_NEGOTIATION -> new Command.OpenNegotiation(k, a, version, null, c, leg);
            case AGREE_RETURN -> new Command.AgreeReturn(k, a, version, null, c, leg, OutcomeType.RETURN_AND_REFUND, List.of(), null, null, null, List.of());
            case DECLINE_RETURN -> new Command.DeclineReturn(k, a, version, null, c, leg, reason);
            case APPLY_FOR_RETURN -> new Command.ApplyForReturn(k, a, version, null, c, leg);
            case ISSUE_SUPPLIER_NUMBER -> new Command.IssueSupplierNumber(k, a, version, null, c, leg,
                    ReturnNumber.supplierReturn(leg, "NEW-1"));
            case REPLACE_SUPPLIER_NUMBER -> new Command.ReplaceSupplierNumber(k, a, version, null, c, leg,
                    ReturnNumber.supplierReturn(leg, "NEW-2"));
            case SHARE_NUMBER_WITH_CUSTOMER -> new Command.ShareNumberWithCustomer(k, a, version, null, c, leg);
            case REPORT_SHIPMENT -> new Command.ReportShipment(k, a, version, null, c, leg,
                    ReturnNumber.returnTracking("SF", "SF000111222"));
            case CONFIRM_RECEIPT -> new Command.ConfirmReceipt(k, a, version, null, c, leg, one);
            case REPORT_RESULT -> new Command.ReportResult(k, a, version, null, c, leg, one, List.of(), "ok", null, List.of());
            case SHIP_REPLACEMENT -> new Command.ShipReplacement(k, a, version, null, c, leg,
                    ReturnNumber.returnTracking("SF", "SF000333444"));
            case REPORT_RESULT_TO_CUSTOMER -> new Command.ReportResultToCustomer(k, a, version, null, c, leg, "done", null);
            case CONFIRM_RESULT -> new Command.ConfirmResult(k, a, version, null, c, leg);
            case DISPUTE_RESULT -> new Command.DisputeResult(k, a, version, null, c, leg, reason);
            case CANCEL_RETURN -> new Command.CancelReturn(k, a, version, null, c, leg);
            case CLOSE_LEG -> new Command.CloseLeg(k, a, version, null, c, leg, reason);
            case FIRE_DEADLINE -> new Command.FireDeadline(k, a, version, null, c, leg);
            case OFFER_PARTIAL_REFUND -> new Command.OfferPartialRefund(k, a, version, null, c, leg,
                    dev.returnsync.spi.Money.of("CNY", "1.00"), "offer");
            case ACCEPT_PARTIAL_REFUND -> new Command.AcceptPartialRefund(k, a, version, null, c, leg);
            case REJECT_PARTIAL_REFUND -> new Command.RejectPartialRefund(k, a, version, null, c, leg, reason);
            case REAPPLY -> new Command.Reapply(k, a, version, null, c, leg, reason);
            case SEND_MESSAGE -> new Command.SendMessage(k, a, version, null, c, leg,
                    a.role() == Role.RESELLER ? Role.CUSTOMER : Role.RESELLER, "hello");
            case SUBMIT_RETURN -> throw new IllegalArgumentException("submissions are not in the matrix");
        };
    }

    /** A case with legs of S1 and S2 (S3 has none), both with supplier numbers, S1's shipped. */
    private long seed() {
        engine.execute(submit(CASE, "AS-M", List.of(line("SKU-1", S1, 1, 1, "10.00"), line("SKU-2", S2, 1, 1, "20.00"))));
        for (SupplierId s : List.of(S1, S2)) {
            engine.execute(open(CASE, s));
            engine.execute(agree(CASE, s));
            engine.execute(apply(CASE, s));
            engine.execute(issue(CASE, s, s.value().toUpperCase() + "-NR"));
        }
        engine.execute(share(CASE, S1));
        engine.execute(ship(CASE, S1, "SF", "SF123456789"));
        // a message every party of the matrix may read, so that none of them gets the empty answer of a missing case
        engine.execute(message(CASE, S1, reseller(), Role.CUSTOMER, "your parcel is on its way to the supplier"));
        engine.execute(message(CASE, S1, reseller(), Role.SUPPLIER, "parcel SF123456789 is coming"));
        engine.execute(message(CASE, S2, supplier(S2), Role.RESELLER, "the customer must not see this"));
        return engine.caseView(reseller(), CASE).state().version();
    }

    /** What a call answered, as a string that holds everything a caller can read from it. */
    private static String answer(ReturnSyncEngine on, Function<ReturnSyncEngine, Object> call) {
        try {
            Object value = call.apply(on);
            if (value instanceof Optional<?> o) {
                return o.isEmpty() ? "empty" : "found";
            }
            if (value instanceof List<?> l) {
                return l.isEmpty() ? "empty" : "found";
            }
            return "ok";
        } catch (CommandRefusedException e) {
            return e.getClass().getName() + "|" + e.code() + "|" + e.caseId() + "|" + e.command() + "|" + e.getMessage();
        } catch (ReturnSyncException e) {
            return e.getClass().getName() + "|" + e.getMessage();
        }
    }

    private static boolean missingAnswer(String answer) {
        return answer.equals("empty") || answer.startsWith(CaseNotFoundException.class.getName() + "|CASE_NOT_FOUND|");
    }

    /**
     * Asks the same thing of the engine with the case and of the empty one. A non-party (and anyone on a missing
     * case) must get the missing answer, identical in both; a party on the existing case must not.
     */
    private void check(String what, boolean party, Function<ReturnSyncEngine, Object> call) {
        String real = answer(engine, call);
        String missing = answer(empty, call);
        if (!missingAnswer(missing)) {
            failures.add(what + ": a missing case answers " + missing);
        } else if (party) {
            if (missingAnswer(real)) {
                failures.add(what + ": a party is told the case is missing: " + real);
            }
        } else if (!real.equals(missing)) {
            failures.add(what + ":\n    non-party: " + real + "\n    missing:   " + missing);
        }
        tally.merge(party ? "party, answered as a party" : "non-party or missing, answered as missing", 1, Integer::sum);
    }

    @Test
    void aNonPartyIsAnsweredExactlyAsForAMissingCase() {
        long version = seed();
        String resellerNumber = engine.caseView(reseller(), CASE).state().resellerNumber().value();
        Map<String, ReturnNumber> numbers = new LinkedHashMap<>();
        numbers.put("customer number", ReturnNumber.customerRequest(TENANT, "AS-M"));
        numbers.put("reseller number", ReturnNumber.resellerReturn(TENANT, resellerNumber));
        numbers.put("S1 number", ReturnNumber.supplierReturn(S1, "SUP-1-NR"));
        numbers.put("tracking", ReturnNumber.returnTracking("SF", "SF123456789"));

        for (Role role : Role.values()) {
            for (Relation relation : Relation.values()) {
                Actor a = asker(role, relation);
                if (a == null) {
                    tally.merge("role x relation pairs that do not exist (e.g. another customer as reseller)", 1,
                            Integer::sum);
                    continue;
                }
                boolean party = relation == Relation.OWN;
                for (CaseId c : List.of(CASE, MISSING)) {
                    boolean existing = c.equals(CASE);
                    String where = role + "/" + relation + "/" + (existing ? "existing" : "missing");
                    for (CommandType type : CommandType.values()) {
                        if (type == CommandType.SUBMIT_RETURN) {
                            continue;
                        }
                        Command stale = command(type, a, c, 99L);
                        check(type + " v99 " + where, party && existing, e -> e.execute(stale));
                        if (!(party && existing)) {
                            Command unversioned = command(type, a, c, null);
                            check(type + " " + where, false, e -> e.execute(unversioned));
                        }
                    }
                    check("caseView " + where, party && existing, e -> e.caseView(a, c));
                    check("history " + where, party && existing, e -> e.history(a, c));
                    check("messages " + where, party && existing, e -> e.messages(a, c));
                    if (role == Role.RESELLER || role == Role.SYSTEM) {
                        check("retryParked " + where, party && existing, e -> e.retryParked(a, c));
                    }
                }
                for (Map.Entry<String, ReturnNumber> n : numbers.entrySet()) {
                    String where = role + "/" + relation + "/" + n.getKey();
                    check("findByNumber " + where, party, e -> e.findByNumber(a, n.getValue()));
                    // what a party finds by a raw number depends on the kind and scope; only non-parties are checked
                    if (!party) {
                        check("lookup " + where, false, e -> e.lookup(a, n.getValue().value()));
                        check("lookup with scope " + where, false,
                                e -> e.lookup(a, n.getValue().value(), n.getValue().scope()));
                    }
                }
                if (role == Role.SUPPLIER) {
                    TenantId t = a.tenant();
                    SupplierId s = SupplierId.of(a.id());
                    for (String number : List.of(resellerNumber, "RS-000000-NONE")) {
                        boolean known = number.equals(resellerNumber);
                        String where = relation + "/" + (known ? "known number" : "unknown number");
                        check("callback numberIssued " + where, party && known, e -> e.supplierCallbacks(t, s)
                                .forReturn(number).numberIssued("CB-1", IdempotencyKey.of("cb-1-" + where)));
                        check("callback declined " + where, party && known, e -> e.supplierCallbacks(t, s)
                                .forReturn(number).declined(Reason.of(ReasonCode.OTHER, "no"), IdempotencyKey.of("cb-2-" + where)));
                        check("callback received " + where, party && known, e -> e.supplierCallbacks(t, s)
                                .forReturn(number).received(List.of(LineQuantity.of("SKU-1", 1)), IdempotencyKey.of("cb-3-" + where)));
                    }
                }
            }
        }
        int rows = tally.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("isolation matrix: " + rows + " rows " + tally + ", mismatches: " + failures.size());
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertTrue(rows > 300, "the matrix ran: " + rows);
    }
}
