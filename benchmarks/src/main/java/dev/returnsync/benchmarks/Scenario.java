package dev.returnsync.benchmarks;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The input of one return case, as it reaches the workflow: who acts at each step, when, and with which
 * payload. Every implementation gets exactly these objects, already parsed into returnsync's value types,
 * so parsing and normalizing raw input is measured by none of them.
 *
 * <p>The case is single-leg: two lines (SKU A: 2 of 3 delivered at CNY 59.90; SKU B: 1 of 1 at CNY 19.90),
 * both shipped by one supplier, settled as a return-and-refund in which A is accepted and B rejected, so the
 * refund due is CNY 119.80. Ids and numbers differ per {@link #of(int) index}.
 */
public final class Scenario {
    /** The refund the scenario ends with, in minor units (fen). */
    public static final long EXPECTED_REFUND_MINOR = 2 * 5990;

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    /**
     * What the supplier agrees to.
     *
     * @param outcome the agreed outcome
     * @param authorized the authorized quantity per SKU
     */
    public record Agreement(OutcomeType outcome, List<LineQuantity> authorized) {
        /** Copies the list. */
        public Agreement {
            Objects.requireNonNull(outcome, "outcome");
            authorized = List.copyOf(authorized);
        }
    }

    /**
     * What the supplier reports after inspection.
     *
     * @param accepted the accepted quantity per SKU
     * @param rejected the rejected quantity per SKU
     * @param note the supplier's note
     */
    public record Inspection(List<LineQuantity> accepted, List<LineQuantity> rejected, String note) {
        /** Copies the lists. */
        public Inspection {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
            Objects.requireNonNull(note, "note");
        }
    }

    private final int index;
    private final TenantId tenant;
    private final CaseId caseId;
    private final CustomerId customer;
    private final OrderId order;
    private final SupplierId supplier;
    private final ReturnNumber customerNumber;
    private final ReturnNumber resellerNumber;
    private final ReturnNumber supplierNumber;
    private final ReturnNumber returnTracking;
    private final List<ReturnLine> lines;
    private final Reason reason;
    private final Instant deliveredAt;
    private final Agreement agreement;
    private final List<LineQuantity> received;
    private final Inspection inspection;
    private final String customerNote;
    private final Actor[] actors;
    private final Instant[] times;
    private final IdempotencyKey[] keys;

    private Scenario(int index, Actor[] actors) {
        this.index = index;
        this.tenant = TenantId.of("shop-" + (index % 16));
        this.caseId = CaseId.of("case-" + index);
        this.customer = CustomerId.of("buyer-" + index);
        this.order = OrderId.of("order-" + index);
        this.supplier = SupplierId.of("supplier-" + (index % 8));
        this.customerNumber = ReturnNumber.customerRequest(tenant, "AS" + (2026000000L + index));
        this.resellerNumber = ReturnNumber.resellerReturn(tenant, "R-" + (100000 + index));
        this.supplierNumber = ReturnNumber.supplierReturn(supplier, "SRN-" + (500000 + index));
        this.returnTracking = ReturnNumber.returnTracking("SF", "SF" + (1300000000L + index));
        Sku a = Sku.of("SKU-A-" + (index % 100));
        Sku b = Sku.of("SKU-B-" + (index % 100));
        this.lines = List.of(new ReturnLine(a, supplier, 2, 3, Money.of("CNY", "59.90")),
                new ReturnLine(b, supplier, 1, 1, Money.of("CNY", "19.90")));
        this.reason = Reason.of(ReasonCode.SIZE_OR_FIT, "too small");
        this.deliveredAt = START.minus(Duration.ofDays(2));
        this.agreement = new Agreement(OutcomeType.RETURN_AND_REFUND,
                List.of(new LineQuantity(a, 2), new LineQuantity(b, 1)));
        this.received = List.of(new LineQuantity(a, 2), new LineQuantity(b, 1));
        this.inspection = new Inspection(List.of(new LineQuantity(a, 2)), List.of(new LineQuantity(b, 1)),
                "B is worn");
        this.customerNote = "refund of the accepted units is on its way";
        if (actors == null) {
            actors = new Actor[Step.all().size()];
            Actor customerActor = Actor.customer(tenant, customer);
            Actor resellerActor = Actor.reseller(tenant, "agent-" + (index % 4));
            Actor supplierActor = Actor.supplier(tenant, supplier);
            for (Step step : Step.all()) {
                actors[step.ordinal()] = switch (step.actor()) {
                    case CUSTOMER -> customerActor;
                    case RESELLER -> resellerActor;
                    case SUPPLIER -> supplierActor;
                    case SYSTEM -> Actor.system(tenant, "timer");
                };
            }
        }
        this.actors = actors;
        this.times = new Instant[Step.all().size()];
        this.keys = new IdempotencyKey[Step.all().size()];
        for (Step step : Step.all()) {
            times[step.ordinal()] = START.plus(Duration.ofHours(3L * step.ordinal()));
            keys[step.ordinal()] = IdempotencyKey.of(caseId.value() + "-" + step.ordinal());
        }
    }

    /** The scenario with the given index; equal indexes give equal inputs. */
    public static Scenario of(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be zero or more, was " + index);
        }
        return new Scenario(index, null);
    }

    /**
     * The same scenario in which another actor fires one step: every implementation must refuse that step
     * when the actor's role may not fire it.
     */
    public Scenario withActor(Step step, Actor actor) {
        Actor[] changed = actors.clone();
        changed[step.ordinal()] = Objects.requireNonNull(actor, "actor");
        return new Scenario(index, changed);
    }

    /** The index this scenario was made from. */
    public int index() {
        return index;
    }

    /** The reseller that owns the case. */
    public TenantId tenant() {
        return tenant;
    }

    /** The case id. */
    public CaseId caseId() {
        return caseId;
    }

    /** The customer who asks. */
    public CustomerId customer() {
        return customer;
    }

    /** The storefront order. */
    public OrderId order() {
        return order;
    }

    /** The one supplier of the case, so the one leg. */
    public SupplierId supplier() {
        return supplier;
    }

    /** The customer request number (marketplace after-sale id). */
    public ReturnNumber customerNumber() {
        return customerNumber;
    }

    /** The reseller return number. */
    public ReturnNumber resellerNumber() {
        return resellerNumber;
    }

    /** The number the supplier issues at {@link Step#ISSUE_NUMBER}. */
    public ReturnNumber supplierNumber() {
        return supplierNumber;
    }

    /** The tracking number the customer reports at {@link Step#SHIP}. */
    public ReturnNumber returnTracking() {
        return returnTracking;
    }

    /** The lines asked back. */
    public List<ReturnLine> lines() {
        return lines;
    }

    /** Why the customer asks. */
    public Reason reason() {
        return reason;
    }

    /** The outcome the customer wants. */
    public OutcomeType wanted() {
        return OutcomeType.RETURN_AND_REFUND;
    }

    /** When the order was delivered. */
    public Instant deliveredAt() {
        return deliveredAt;
    }

    /** What the supplier agrees to at {@link Step#AGREE}. */
    public Agreement agreement() {
        return agreement;
    }

    /** What the supplier receives at {@link Step#CONFIRM_RECEIPT}. */
    public List<LineQuantity> received() {
        return received;
    }

    /** What the supplier reports at {@link Step#REPORT_RESULT}. */
    public Inspection inspection() {
        return inspection;
    }

    /** What the reseller writes to the customer at {@link Step#REPORT_TO_CUSTOMER}. */
    public String customerNote() {
        return customerNote;
    }

    /** Who fires a step. */
    public Actor actor(Step step) {
        return actors[step.ordinal()];
    }

    /** When a step happens: three hours after the one before. */
    public Instant at(Step step) {
        return times[step.ordinal()];
    }

    /** The caller's idempotency key of a step. */
    public IdempotencyKey key(Step step) {
        return keys[step.ordinal()];
    }

    /**
     * The payload a peer state machine gets with a step's event: this scenario for {@link Step#SUBMIT}, the
     * {@link Agreement}, the supplier number, the tracking number, the received quantities, the
     * {@link Inspection}, the customer note; {@code null} for steps without data.
     */
    public Object payload(Step step) {
        return switch (step) {
            case SUBMIT -> this;
            case AGREE -> agreement;
            case ISSUE_NUMBER -> supplierNumber;
            case SHIP -> returnTracking;
            case CONFIRM_RECEIPT -> received;
            case REPORT_RESULT -> inspection;
            case REPORT_TO_CUSTOMER -> customerNote;
            case OPEN_NEGOTIATION, APPLY, SHARE_NUMBER, CONFIRM_RESULT -> null;
        };
    }

    @Override
    public String toString() {
        return "Scenario[" + index + ", " + caseId + "]";
    }
}
