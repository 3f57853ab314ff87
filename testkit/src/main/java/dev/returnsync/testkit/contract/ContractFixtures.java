package dev.returnsync.testkit.contract;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Events, links and batches for the contract suites. Events are built as records of the published language;
 * the links that follow from a history are computed by the public domain ({@link ReturnWorkflow#evolve}), so
 * the fixtures stay what the engine would write.
 *
 * <p>Every instant here has whole milliseconds, except the event timestamps of {@link #fullLifecycle}, which carry
 * nanoseconds: events must round-trip exactly, index columns only to the millisecond.
 */
final class ContractFixtures {
    static final TenantId TENANT = TenantId.of("tenant-1");
    static final TenantId OTHER_TENANT = TenantId.of("tenant-2");
    static final SupplierId SUPPLIER = SupplierId.of("supplier-1");
    static final SupplierId OTHER_SUPPLIER = SupplierId.of("supplier-2");
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final String CHINESE = "质量问题：衣服有破洞 \"请\"处理\n第二行\t\\ 😀";

    private ContractFixtures() {
    }

    static Instant at(long millisAfterT0) {
        return T0.plusMillis(millisAfterT0);
    }

    static ReturnNumber customerNumber(TenantId tenant, String value) {
        return ReturnNumber.customerRequest(tenant, value);
    }

    static ReturnNumber resellerNumber(TenantId tenant, String value) {
        return ReturnNumber.resellerReturn(tenant, value);
    }

    /** A customer's request for a case of two legs (two suppliers). */
    static ReturnEvent.ReturnRequested requested(TenantId tenant, CaseId caseId, String customerNo, String resellerNo) {
        CustomerId customer = CustomerId.of("customer-" + caseId.value());
        return new ReturnEvent.ReturnRequested(T0, Actor.customer(tenant, customer), caseId, customer,
                OrderId.of("order-" + caseId.value()), customerNumber(tenant, customerNo),
                resellerNumber(tenant, resellerNo),
                List.of(new ReturnLine(Sku.of("sku-红-XL"), SUPPLIER, 1, 2, Money.of("CNY", "59.90")),
                        new ReturnLine(Sku.of("sku-2"), OTHER_SUPPLIER, 1, 1, Money.of("CNY", "10.00"))),
                new Reason(ReasonCode.QUALITY_ISSUE, CHINESE, List.of(Evidence.of(EvidenceKind.PHOTO, "photo-1.jpg"))),
                OutcomeType.RETURN_AND_REFUND,
                T0.minus(Duration.ofDays(2)));
    }

    /** A leg event that fits any open case: the reseller opens negotiation with the first supplier. */
    static ReturnEvent negotiationOpened(TenantId tenant, String userId, long millisAfterT0) {
        return new ReturnEvent.NegotiationOpened(at(millisAfterT0), Actor.reseller(tenant, userId), SUPPLIER);
    }

    /** The links a case has right after its request. */
    static List<NumberLink> requestLinks(ReturnEvent.ReturnRequested requested) {
        return ReturnWorkflow.evolve(Optional.empty(), requested).links();
    }

    /**
     * A whole happy-path history of the first supplier's leg, including a replaced supplier number, a return
     * tracking number and (for the exchange) a replacement tracking number, then the other leg's partial refund
     * offers around a decline after its number was issued, a re-application and a message; evidence on every step
     * that takes it; two external versions; timestamps carry
     * nanoseconds.
     */
    static List<ReturnEvent> fullLifecycle(TenantId tenant, CaseId caseId, String prefix) {
        Actor reseller = Actor.reseller(tenant, "店小二");
        Actor supplier = Actor.supplier(tenant, SUPPLIER);
        ReturnEvent.ReturnRequested requested = requested(tenant, caseId, prefix + "-C", prefix + "-R");
        Actor customer = requested.actor();
        Instant t = T0.plusNanos(123_456_789);
        List<ReturnEvent> events = new ArrayList<>();
        events.add(requested);
        events.add(new ReturnEvent.NegotiationOpened(t.plusSeconds(1), reseller, SUPPLIER));
        events.add(new ReturnEvent.SupplierAgreed(t.plusSeconds(2), supplier, SUPPLIER, OutcomeType.EXCHANGE,
                List.of(LineQuantity.of("sku-红-XL", 1)),
                new ReturnShipping(Money.of("CNY", "12.00"), FeeBearer.FREIGHT_INSURANCE, "运费险-" + prefix), List.of()));
        events.add(new ReturnEvent.ReturnApplied(t.plusSeconds(3), reseller, SUPPLIER, requested.resellerNumber()));
        ReturnNumber first = ReturnNumber.supplierReturn(SUPPLIER, prefix + "-S1");
        ReturnNumber second = ReturnNumber.supplierReturn(SUPPLIER, prefix + "-S2");
        events.add(new ReturnEvent.SupplierNumberIssued(t.plusSeconds(4), supplier, SUPPLIER, first));
        events.add(new ReturnEvent.SupplierNumberReplaced(t.plusSeconds(5), supplier, SUPPLIER, first, second));
        events.add(new ReturnEvent.NumberSharedWithCustomer(t.plusSeconds(6), reseller, SUPPLIER, second));
        events.add(new ReturnEvent.ReturnShipped(t.plusSeconds(7), customer, SUPPLIER,
                ReturnNumber.returnTracking("SF", prefix + "RT0001")));
        events.add(new ReturnEvent.ReturnReceived(t.plusSeconds(8), supplier, SUPPLIER, List.of(LineQuantity.of("sku-红-XL", 1))));
        events.add(new ReturnEvent.ResultReported(t.plusSeconds(9), supplier, SUPPLIER,
                List.of(LineQuantity.of("sku-红-XL", 1)), List.of(), "验货合格", Money.of("CNY", "0.00"),
                List.of(Evidence.of(EvidenceKind.INSPECTION_REPORT, "QC-红-1"))));
        events.add(new ReturnEvent.ReplacementShipped(t.plusSeconds(10), supplier, SUPPLIER,
                ReturnNumber.replacementTracking("YTO", prefix + "RP0001")));
        Money zero = Money.of("CNY", "0.00");
        events.add(new ReturnEvent.ResultReportedToCustomer(t.plusSeconds(11), reseller, SUPPLIER,
                Settlement.of(zero, zero, zero, Money.of("CNY", "3.50"), zero), null));
        events.add(new ReturnEvent.ResultConfirmed(t.plusSeconds(12), customer, SUPPLIER, false));
        events.add(new ReturnEvent.LegEscalated(t.plusSeconds(13), Actor.system(tenant, "deadline"), OTHER_SUPPLIER,
                LegState.REQUESTED));
        // the other leg: 协商部分退款 offered and rejected; then agreed, declined after its number was issued,
        // re-applied on (the number stays, superseded), a message, and a second offer accepted
        Actor other = Actor.supplier(tenant, OTHER_SUPPLIER);
        events.add(new ReturnEvent.NegotiationOpened(t.plusSeconds(14), reseller, OTHER_SUPPLIER));
        events.add(new ReturnEvent.PartialRefundOffered(t.plusSeconds(15), other, OTHER_SUPPLIER,
                Money.of("CNY", "3.00"), 1, "留下商品，退 3 元"));
        events.add(new ReturnEvent.PartialRefundRejected(t.plusSeconds(16), customer, OTHER_SUPPLIER,
                new Reason(ReasonCode.OTHER, CHINESE, List.of())));
        events.add(new ReturnEvent.SupplierAgreed(t.plusSeconds(17), other, OTHER_SUPPLIER, OutcomeType.REFUND_ONLY,
                List.of(LineQuantity.of("sku-2", 1)), new ReturnShipping(zero, FeeBearer.SUPPLIER, null),
                List.of(Evidence.of(EvidenceKind.DOCUMENT, "协议/1.pdf"))));
        events.add(new ReturnEvent.ReturnApplied(t.plusSeconds(18), reseller, OTHER_SUPPLIER, requested.resellerNumber()));
        events.add(new ReturnEvent.SupplierNumberIssued(t.plusSeconds(19), other, OTHER_SUPPLIER,
                ReturnNumber.supplierReturn(OTHER_SUPPLIER, prefix + "-O1")));
        events.add(new ReturnEvent.SupplierDeclined(t.plusSeconds(20), other, OTHER_SUPPLIER,
                new Reason(ReasonCode.NOT_AS_DESCRIBED, "拆封", List.of(Evidence.of(EvidenceKind.VIDEO, "v/1.mp4")))));
        events.add(new ReturnEvent.ReturnReapplied(t.plusSeconds(21), customer, OTHER_SUPPLIER, 2,
                new Reason(ReasonCode.QUALITY_ISSUE, "再次申请", List.of(Evidence.of(EvidenceKind.PHOTO, "p/2.jpg")))));
        events.add(new ReturnEvent.MessageSent(t.plusSeconds(22), customer, OTHER_SUPPLIER, Role.RESELLER,
                "请再看看\n照片"));
        events.add(new ReturnEvent.PartialRefundOffered(t.plusSeconds(23), other, OTHER_SUPPLIER,
                Money.of("CNY", "5.00"), 2, ""));
        Money five = Money.of("CNY", "5.00");
        events.add(new ReturnEvent.PartialRefundAccepted(t.plusSeconds(24), customer, OTHER_SUPPLIER,
                Settlement.of(five, zero, zero, zero, five)));
        // external versions beyond 2^53, which a store that passes JSON numbers through doubles would round
        events.add(new ReturnEvent.ExternalVersionRecorded(t.plusSeconds(25), reseller,
                ExternalVersion.of("taobao", 9_007_199_254_740_993L)));
        events.add(new ReturnEvent.ExternalVersionRecorded(t.plusSeconds(26), supplier, ExternalVersion.of("1688", 7)));
        return events;
    }

    /** The links of a case after some events, as the domain computes them. */
    static List<NumberLink> linksAfter(List<ReturnEvent> events) {
        return ReturnWorkflow.evolve(Optional.empty(), events).links();
    }

    static IdempotencyRecord idempotency(TenantId tenant, String key, CaseId caseId, long first, long last) {
        return new IdempotencyRecord(tenant, IdempotencyKey.of(key), "fp-" + key, caseId, first, last);
    }

    /** A notification of a case's event to {@code target}: its target names it within the event. */
    static OutboxEntry outbox(String target, TenantId tenant, CaseId caseId, long version, Instant due) {
        return OutboxEntry.pending(tenant, caseId, version, Effect.NOTIFY, target, due);
    }

    /** A mutable helper that ends in an {@link AppendBatch}. */
    static final class Batch {
        private final TenantId tenant;
        private final CaseId caseId;
        private final long expectedVersion;
        private final List<ReturnEvent> events = new ArrayList<>();
        private final List<NumberLink> links = new ArrayList<>();
        private Instant due;
        private final List<OutboxEntry> outbox = new ArrayList<>();
        private IdempotencyRecord idempotency;

        private Batch(TenantId tenant, CaseId caseId, long expectedVersion) {
            this.tenant = tenant;
            this.caseId = caseId;
            this.expectedVersion = expectedVersion;
        }

        static Batch of(TenantId tenant, CaseId caseId, long expectedVersion) {
            return new Batch(tenant, caseId, expectedVersion);
        }

        Batch events(List<? extends ReturnEvent> more) {
            events.addAll(more);
            return this;
        }

        Batch event(ReturnEvent event) {
            events.add(event);
            return this;
        }

        Batch links(List<NumberLink> more) {
            links.addAll(more);
            return this;
        }

        Batch link(ReturnNumber number, SupplierId leg, boolean superseded) {
            links.add(new NumberLink(number, tenant, caseId, leg, superseded));
            return this;
        }

        Batch due(Instant dueAt) {
            this.due = dueAt;
            return this;
        }

        Batch outbox(String target, long version, Instant nextAttemptAt) {
            outbox.add(ContractFixtures.outbox(target, tenant, caseId, version, nextAttemptAt));
            return this;
        }

        Batch outbox(OutboxEntry entry) {
            outbox.add(entry);
            return this;
        }

        Batch idempotency(String key) {
            long first = expectedVersion + 1;
            this.idempotency = ContractFixtures.idempotency(tenant, key, caseId, first,
                    expectedVersion + Math.max(1, events.size()));
            return this;
        }

        AppendBatch build() {
            return new AppendBatch(tenant, caseId, expectedVersion, events, links, due, outbox, idempotency);
        }
    }
}
