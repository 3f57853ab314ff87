package dev.returnsync.testkit.contract;

import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SupplierAdapterContract} plus polling, for adapters of pull-only suppliers: the engine learns the number, a
 * refusal, the receipt of the parcel and the inspection's result only by
 * {@link dev.returnsync.spi.supplier.SupplierAdapter#poll}. The subclass plays the people at the supplier through two
 * more hooks, and a third if polls report the inspection's result:
 *
 * <pre>{@code
 * class AcmeSupplierContractTest extends PollingSupplierAdapterContract {
 *     ...
 *     @Override protected void supplierIssuesNumbers() { sandbox.issueAllPending(); }
 *     @Override protected void supplierReceives(SupplierRequest.RequestReturn applied, List<LineQuantity> q) {
 *         sandbox.bookReceipt(applied.resellerNumber().value(), q);
 *     }
 *     @Override protected void supplierInspects(SupplierRequest.RequestReturn applied, SupplierReply.ResultReported r) {
 *         sandbox.bookInspection(applied.resellerNumber().value(), r);
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: the adapter declares polling; while the supplier has not issued its number a poll answers
 * {@code NothingNew}; once issued, a poll finds it within {@link #maxPolls()} polls, the same number on every later
 * poll and the same as a repeated request answers; a poll with the number answers {@code NothingNew} until the
 * parcel is received and then {@code Received} with the quantities, and once the goods are inspected the result
 * with all its data (skipped unless {@link #supplierInspects} is overridden); news of one return never shows on another;
 * polls create no return; a poll about a return the supplier never got reports nothing about it.
 */
public abstract class PollingSupplierAdapterContract extends SupplierAdapterContract {
    /**
     * Makes the supplier issue a number for every return it holds as pending (its staff works through the queue).
     * A backend that issues by itself after some polls may do nothing here, as long as its first poll about a new
     * return answers "nothing new".
     */
    protected abstract void supplierIssuesNumbers();

    /**
     * Makes the supplier book the receipt of the parcel of the return asked for by {@code applied}.
     *
     * @param applied the request that asked for the return
     * @param quantities the quantity received per SKU
     */
    protected abstract void supplierReceives(SupplierRequest.RequestReturn applied, List<LineQuantity> quantities);

    /**
     * Makes the supplier book the result of its inspection of the goods of the return asked for by {@code applied}.
     * Override it if the supplier's polls report results; by default the test of results is skipped.
     *
     * @param applied the request that asked for the return
     * @param result the inspection's result
     */
    protected void supplierInspects(SupplierRequest.RequestReturn applied, SupplierReply.ResultReported result) {
        Assumptions.abort("the supplier's polls report no results (supplierInspects is not overridden)");
    }

    /** {@return how many polls after {@link #supplierIssuesNumbers()} may pass before the number must be found} */
    protected int maxPolls() {
        return 5;
    }

    /**
     * Requests a return and learns its number by polling; returns the number.
     *
     * @param applied the request that asked for the return
     * @return the supplier number found by polling
     */
    protected final ReturnNumber numberByPolling(SupplierRequest.RequestReturn applied) {
        ReturnNumber inReply = numberIn(requestAccepted(applied));
        if (inReply != null) {
            return inReply;
        }
        SupplierReply.ToPoll before = adapter.poll(pollOf(applied, null, "poll/" + applied.caseId() + "/0"));
        assertDeclared(SupplierReply.ToPoll.class, before);
        assertEquals(SupplierReply.nothingNew(), before, "before the supplier issues its number");
        supplierIssuesNumbers();
        for (int i = 1; i <= maxPolls(); i++) {
            SupplierReply.ToPoll reply = adapter.poll(pollOf(applied, null, "poll/" + applied.caseId() + "/" + i));
            assertDeclared(SupplierReply.ToPoll.class, reply);
            if (reply instanceof SupplierReply.NumberIssued) {
                return numberIn(reply);
            }
            assertEquals(SupplierReply.nothingNew(), reply, "poll " + i + " while the number is pending");
        }
        throw new AssertionError("no number after " + maxPolls() + " polls once the supplier issued it");
    }

    @Test
    @DisplayName("a polling adapter declares polling")
    void declaresPolling() {
        assertTrue(adapter.capabilities().pullPolling(), "capabilities().pullPolling()");
    }

    @Test
    @DisplayName("a poll finds the number once issued, the same on every later poll and on a repeated request")
    void aPollFindsTheNumber() {
        SupplierRequest.RequestReturn applied = requestOf("case-1");
        ReturnNumber number = numberByPolling(applied);
        assertNotNull(number);
        for (int i = 0; i < 2; i++) {
            assertEquals(SupplierReply.numberIssued(number.value()),
                    normalized(adapter.poll(pollOf(applied, null, "poll/again/" + i))), "a later poll");
        }
        SupplierReply.ToRequest repeated = adapter.requestReturn(applied);
        assertTrue(repeated instanceof SupplierReply.Pending || number.equals(numberIn(repeated)),
                "a repeated request answers pending or the same number, got " + repeated);
        assertEquals(1, returnsAtSupplier(), "polls and repeats create no return");
    }

    @Test
    @DisplayName("a poll with the number answers nothing new until the parcel is received, then the quantities")
    void aPollReportsTheReceipt() {
        SupplierRequest.RequestReturn applied = requestOf("case-1");
        ReturnNumber number = numberByPolling(applied);
        assertEquals(SupplierReply.nothingNew(), adapter.poll(pollOf(applied, number, "poll/receipt/0")));
        List<LineQuantity> received = List.of(LineQuantity.of("SKU-红-XL", 1), LineQuantity.of("SKU-2", 1));
        supplierReceives(applied, received);
        assertEquals(SupplierReply.received(received), adapter.poll(pollOf(applied, number, "poll/receipt/1")));
    }

    @Test
    @DisplayName("a poll with the number reports the inspection's result, with all its data, on every later poll")
    void aPollReportsTheResult() {
        SupplierRequest.RequestReturn applied = requestOf("case-1");
        ReturnNumber number = numberByPolling(applied);
        supplierReceives(applied, List.of(LineQuantity.of("SKU-红-XL", 1), LineQuantity.of("SKU-2", 1)));
        SupplierReply.ResultReported result = SupplierReply.resultReported(List.of(LineQuantity.of("SKU-红-XL", 1)),
                List.of(LineQuantity.of("SKU-2", 1))).withNote("SKU-2: 吊牌已剪 tags removed")
                .withRestockingFee(Money.of("CNY", "5.00"))
                .withEvidence(List.of(Evidence.of(EvidenceKind.PHOTO, "inspection/1.jpg")));
        supplierInspects(applied, result);
        for (int i = 0; i < 2; i++) {
            SupplierReply.ToPoll reply = adapter.poll(pollOf(applied, number, "poll/result/" + i));
            assertDeclared(SupplierReply.ToPoll.class, reply);
            assertEquals(result, reply, "poll " + i + " after the inspection");
        }
        SupplierRequest.RequestReturn other = requestOf("case-other");
        ReturnNumber otherNumber = numberByPolling(other);
        assertEquals(SupplierReply.nothingNew(), adapter.poll(pollOf(other, otherNumber, "poll/other")),
                "the result of one return never shows on another");
    }

    @Test
    @DisplayName("news of one return never shows on another")
    void newsStayWithTheirReturn() {
        SupplierRequest.RequestReturn a = requestOf("case-a");
        SupplierRequest.RequestReturn b = requestOf("case-b");
        ReturnNumber numberA = numberByPolling(a);
        ReturnNumber numberB = numberByPolling(b);
        assertFalse(numberA.equals(numberB), "two returns, two numbers");
        supplierReceives(a, List.of(LineQuantity.of("SKU-2", 1)));
        assertEquals(SupplierReply.nothingNew(), adapter.poll(pollOf(b, numberB, "poll/b")));
        assertEquals(SupplierReply.numberIssued(numberB.value()), normalized(adapter.poll(pollOf(b, null, "poll/b2"))));
    }

    @Test
    @DisplayName("a poll about a return the supplier never got reports nothing about it")
    void aPollAboutAnUnknownReturnReportsNothing() {
        requestAccepted(requestOf("case-known"));
        SupplierRequest.RequestReturn unknown = requestOf("case-unknown");
        SupplierReply.ToPoll reply = adapter.poll(pollOf(unknown, null, "poll/unknown"));
        assertDeclared(SupplierReply.ToPoll.class, reply);
        assertFalse(reply instanceof SupplierReply.NumberIssued || reply instanceof SupplierReply.Received
                || reply instanceof SupplierReply.ResultReported || reply instanceof SupplierReply.Declined,
                "a poll about an unknown return reported " + reply);
        assertNoPersonalData(reply, unknown);
        assertEquals(1, returnsAtSupplier());
    }

    /** A NumberIssued reply with its number normalized as the engine would, so spelling does not matter. */
    private SupplierReply.ToPoll normalized(SupplierReply.ToPoll reply) {
        ReturnNumber number = numberIn(reply);
        return number == null ? reply : SupplierReply.numberIssued(number.value());
    }
}
