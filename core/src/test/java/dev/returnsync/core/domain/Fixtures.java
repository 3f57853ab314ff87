package dev.returnsync.core.domain;

import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared test data and a small driver that walks a case through commands. */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("shop-1");
    static final TenantId OTHER_TENANT = TenantId.of("shop-2");
    static final CustomerId CUSTOMER = CustomerId.of("c-1");
    static final CustomerId OTHER_CUSTOMER = CustomerId.of("c-2");
    static final SupplierId S1 = SupplierId.of("sup-1");
    static final SupplierId S2 = SupplierId.of("sup-2");
    static final SupplierId S3 = SupplierId.of("sup-3");
    static final SupplierId STRANGER = SupplierId.of("sup-x");
    static final CaseId CASE = CaseId.of("case-1");
    static final Instant DELIVERED = Instant.parse("2026-11-01T08:00:00Z");
    static final Instant T0 = Instant.parse("2026-11-03T08:00:00Z");

    private Fixtures() {
    }

    static Actor customer() {
        return Actor.customer(TENANT, CUSTOMER);
    }

    static Actor reseller() {
        return Actor.reseller(TENANT, "staff-1");
    }

    static Actor supplier(SupplierId supplier) {
        return Actor.supplier(TENANT, supplier);
    }

    static Actor system() {
        return Actor.system(TENANT, "deadline-runner");
    }

    static ReturnLine line(String sku, SupplierId supplier, int requested, int delivered, String price) {
        return new ReturnLine(Sku.of(sku), supplier, requested, delivered, Money.of("CNY", price));
    }

    /** A submission by any actor: built unchecked, since tests also submit as actors the workflow must refuse. */
    static Command.SubmitReturn submit(IdempotencyKey key, Actor actor, List<ReturnLine> lines, OutcomeType wanted) {
        return Commands.as(actor).key(key).onCase(CASE).submitReturn().customer(CUSTOMER).order(OrderId.of("order-9"))
                .customerNumber(ReturnNumber.customerRequest(TENANT, "AS20261103001"))
                .resellerNumber(ReturnNumber.resellerReturn(TENANT, "RS-0001")).lines(lines)
                .reason(ReasonCode.SIZE_OR_FIT, "too small").wanted(wanted).deliveredAt(DELIVERED).buildUnchecked();
    }

    /** Walks one case through commands, asserting that each is accepted. */
    static class Walk {
        final ReturnWorkflow workflow;
        ReturnCase current;
        Instant now = T0;
        final List<ReturnEvent> events = new ArrayList<>();
        private int keys;

        Walk(ReturnWorkflow workflow) {
            this.workflow = workflow;
        }

        Walk() {
            this(ReturnWorkflow.ofDefaults());
        }

        IdempotencyKey key() {
            return IdempotencyKey.of("k-" + (++keys));
        }

        Walk advance(Duration duration) {
            now = now.plus(duration);
            return this;
        }

        ReturnEvent accept(Command command) {
            Decision decision = workflow.decide(Optional.ofNullable(current), command, RuleContext.at(now));
            if (decision instanceof Decision.Refused refused) {
                fail("expected " + command.type() + " to be accepted, was refused: " + refused.refusal());
            }
            List<ReturnEvent> produced = ((Decision.Accepted) decision).events();
            long before = current == null ? 0 : current.version();
            current = ReturnWorkflow.evolve(Optional.ofNullable(current), produced);
            assertEquals(before + produced.size(), current.version(), "version grows by one per event");
            events.addAll(produced);
            return produced.get(produced.size() - 1);
        }

        Refusal refuse(Command command) {
            Decision decision = workflow.decide(Optional.ofNullable(current), command, RuleContext.at(now));
            if (decision instanceof Decision.Refused refused) {
                return refused.refusal();
            }
            return fail("expected " + command.type() + " to be refused, was accepted: " + decision);
        }

        Leg leg(SupplierId supplier) {
            return current.leg(supplier).orElseThrow();
        }

        LegState state(SupplierId supplier) {
            return leg(supplier).state();
        }

        // ------------------------------------------------------------- commands with default actors

        ReturnEvent submit(List<ReturnLine> lines, OutcomeType wanted) {
            return accept(Fixtures.submit(key(), customer(), lines, wanted));
        }

        ReturnEvent open(SupplierId leg) {
            return accept(Commands.as(reseller()).key(key()).onCase(CASE).openNegotiation().leg(leg).build());
        }

        ReturnEvent agree(SupplierId leg, OutcomeType outcome, LineQuantity... authorized) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).agreeReturn().leg(leg).outcome(outcome)
                    .authorized(authorized).build());
        }

        ReturnEvent decline(SupplierId leg) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).declineReturn().leg(leg)
                    .reason(Reason.of(ReasonCode.OTHER, "used goods are not taken back")).build());
        }

        ReturnEvent reapply(SupplierId leg) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).reapply().leg(leg)
                    .reason(ReasonCode.QUALITY_ISSUE, "the seam was torn on arrival",
                            Evidence.of(EvidenceKind.PHOTO, "https://img.example/seam.jpg"))
                    .build());
        }

        ReturnEvent message(SupplierId leg, dev.returnsync.spi.Actor from, dev.returnsync.spi.Role to, String text) {
            return accept(Commands.as(from).key(key()).onCase(CASE).sendMessage().leg(leg).to(to).text(text).build());
        }

        ReturnEvent apply(SupplierId leg) {
            return accept(Commands.as(reseller()).key(key()).onCase(CASE).applyForReturn().leg(leg).build());
        }

        ReturnEvent issue(SupplierId leg, String number) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).issueSupplierNumber().leg(leg)
                    .number(ReturnNumber.supplierReturn(leg, number)).build());
        }

        ReturnEvent share(SupplierId leg) {
            return accept(Commands.as(reseller()).key(key()).onCase(CASE).shareNumberWithCustomer().leg(leg).build());
        }

        ReturnEvent ship(SupplierId leg, String carrier, String tracking) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).reportShipment().leg(leg)
                    .tracking(carrier, tracking).build());
        }

        ReturnEvent receive(SupplierId leg, LineQuantity... received) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).confirmReceipt().leg(leg)
                    .received(received).build());
        }

        ReturnEvent inspect(SupplierId leg, List<LineQuantity> accepted, List<LineQuantity> rejected) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).reportResult().leg(leg).accepted(accepted)
                    .rejected(rejected).note("inspected").build());
        }

        ReturnEvent shipReplacement(SupplierId leg, String carrier, String tracking) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).shipReplacement().leg(leg)
                    .tracking(carrier, tracking).build());
        }

        ReturnEvent tellCustomer(SupplierId leg) {
            return accept(Commands.as(reseller()).key(key()).onCase(CASE).reportResultToCustomer().leg(leg).note("done")
                    .build());
        }

        ReturnEvent confirm(SupplierId leg) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).confirmResult().leg(leg).build());
        }

        ReturnEvent dispute(SupplierId leg) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).disputeResult().leg(leg)
                    .reason(Reason.of(ReasonCode.OTHER, "one unit is missing")).build());
        }

        ReturnEvent offer(SupplierId leg, String amount) {
            return accept(Commands.as(supplier(leg)).key(key()).onCase(CASE).offerPartialRefund().leg(leg)
                    .amount(Money.of("CNY", amount)).note("keep the goods").build());
        }

        ReturnEvent acceptOffer(SupplierId leg) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).acceptPartialRefund().leg(leg).build());
        }

        ReturnEvent rejectOffer(SupplierId leg) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).rejectPartialRefund().leg(leg)
                    .reason(Reason.of(ReasonCode.OTHER, "too little")).build());
        }

        ReturnEvent cancel(SupplierId leg) {
            return accept(Commands.as(customer()).key(key()).onCase(CASE).cancelReturn().leg(leg).build());
        }

        ReturnEvent close(SupplierId leg) {
            return accept(Commands.as(reseller()).key(key()).onCase(CASE).closeLeg().leg(leg)
                    .reason(Reason.of(ReasonCode.OTHER, "settled by phone")).build());
        }

        ReturnEvent fire(SupplierId leg) {
            return accept(Commands.as(system()).key(key()).onCase(CASE).fireDeadline().leg(leg).build());
        }
    }
}
