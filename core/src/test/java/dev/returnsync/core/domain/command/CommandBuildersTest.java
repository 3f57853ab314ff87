package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One example per command: a full build equals the record made by hand; an empty build names every missing field in
 * one error; every role the transition table never lets fire the command is refused by the builder.
 */
@Timeout(10)
class CommandBuildersTest {
    static final TenantId SHOP = TenantId.of("shop-1");
    static final CustomerId CUSTOMER_ID = CustomerId.of("c-1");
    static final SupplierId S1 = SupplierId.of("sup-1");
    static final IdempotencyKey KEY = IdempotencyKey.of("k-1");
    static final CaseId CASE = CaseId.of("case-1");
    static final Actor CUSTOMER = Actor.customer(SHOP, CUSTOMER_ID);
    static final Actor RESELLER = Actor.reseller(SHOP, "staff-1");
    static final Actor SUPPLIER = Actor.supplier(SHOP, S1);
    static final Actor SYSTEM = Actor.system(SHOP, "deadline-runner");
    static final OrderId ORDER = OrderId.of("order-9");
    static final ReturnNumber CUSTOMER_NUMBER = ReturnNumber.customerRequest(SHOP, "AS-1");
    static final ReturnNumber RESELLER_NUMBER = ReturnNumber.resellerReturn(SHOP, "RS-1");
    static final ReturnNumber SUPPLIER_NUMBER = ReturnNumber.supplierReturn(S1, "RMA-1");
    static final ReturnLine LINE = new ReturnLine(Sku.of("SKU-1"), S1, 1, 2, Money.of("CNY", "9.90"));
    static final LineQuantity ONE = LineQuantity.of("SKU-1", 1);
    static final Reason REASON = Reason.of(ReasonCode.OTHER, "why");
    static final Money FEE = Money.of("CNY", "5.00");
    static final Instant DELIVERED = Instant.parse("2026-11-01T08:00:00Z");

    /**
     * One command's example.
     *
     * @param actor a rightful actor
     * @param step the step, nothing set
     * @param filled the step with every field set
     * @param byHand the record {@code filled} must build, with the header's key and case
     * @param missing the fields an empty build lacks, fired by {@code actor} with an empty header
     */
    record Example(CommandType type, Actor actor, Function<CommandHeader, CommandBuilder<?>> step,
                   Function<CommandHeader, CommandBuilder<?>> filled, Function<Actor, Command> byHand,
                   List<String> missing) {
        @Override
        public String toString() {
            return type.name();
        }
    }

    private static final Evidence PHOTO = Evidence.of(EvidenceKind.PHOTO, "https://img.example/label.jpg");
    private static final Evidence REPORT = Evidence.of(EvidenceKind.INSPECTION_REPORT, "QC-2026-0042");

    static Stream<Example> examples() {
        return Stream.of(
                new Example(CommandType.SUBMIT_RETURN, RESELLER, CommandHeader::submitReturn,
                        h -> h.submitReturn().customer(CUSTOMER_ID).order(ORDER).customerNumber(CUSTOMER_NUMBER)
                                .resellerNumber(RESELLER_NUMBER).line(LINE).reason(REASON)
                                .wanted(OutcomeType.EXCHANGE).deliveredAt(DELIVERED),
                        a -> new Command.SubmitReturn(KEY, a, null, null, CASE, CUSTOMER_ID, ORDER, CUSTOMER_NUMBER,
                                RESELLER_NUMBER, List.of(LINE), REASON, OutcomeType.EXCHANGE, DELIVERED),
                        List.of("customer", "customerNumber", "deliveredAt", "key", "lines", "order", "reason",
                                "wanted")),
                leg(CommandType.OPEN_NEGOTIATION, RESELLER, CommandHeader::openNegotiation,
                        a -> new Command.OpenNegotiation(KEY, a, null, null, CASE, S1)),
                new Example(CommandType.AGREE_RETURN, SUPPLIER, CommandHeader::agreeReturn,
                        h -> h.agreeReturn().leg(S1).outcome(OutcomeType.EXCHANGE).authorized(ONE).shippingFee(FEE)
                                .feeBearer(FeeBearer.FREIGHT_INSURANCE).insuranceClaim("YX-1").evidence(PHOTO),
                        a -> new Command.AgreeReturn(KEY, a, null, null, CASE, S1, OutcomeType.EXCHANGE, List.of(ONE), FEE,
                                FeeBearer.FREIGHT_INSURANCE, "YX-1", List.of(PHOTO)),
                        List.of("caseId", "key", "outcome")),
                reasoned(CommandType.DECLINE_RETURN, SUPPLIER, CommandHeader::declineReturn,
                        a -> new Command.DeclineReturn(KEY, a, null, null, CASE, S1, REASON)),
                leg(CommandType.APPLY_FOR_RETURN, RESELLER, CommandHeader::applyForReturn,
                        a -> new Command.ApplyForReturn(KEY, a, null, null, CASE, S1)),
                new Example(CommandType.ISSUE_SUPPLIER_NUMBER, SUPPLIER, CommandHeader::issueSupplierNumber,
                        h -> h.issueSupplierNumber().leg(S1).number(SUPPLIER_NUMBER),
                        a -> new Command.IssueSupplierNumber(KEY, a, null, null, CASE, S1, SUPPLIER_NUMBER),
                        List.of("caseId", "key", "number")),
                new Example(CommandType.REPLACE_SUPPLIER_NUMBER, SUPPLIER, CommandHeader::replaceSupplierNumber,
                        h -> h.replaceSupplierNumber().leg(S1).number(SUPPLIER_NUMBER),
                        a -> new Command.ReplaceSupplierNumber(KEY, a, null, null, CASE, S1, SUPPLIER_NUMBER),
                        List.of("caseId", "key", "number")),
                leg(CommandType.SHARE_NUMBER_WITH_CUSTOMER, RESELLER, CommandHeader::shareNumberWithCustomer,
                        a -> new Command.ShareNumberWithCustomer(KEY, a, null, null, CASE, S1)),
                new Example(CommandType.REPORT_SHIPMENT, CUSTOMER, CommandHeader::reportShipment,
                        h -> h.reportShipment().leg(S1).tracking("SF", "SF100001"),
                        a -> new Command.ReportShipment(KEY, a, null, null, CASE, S1,
                                ReturnNumber.returnTracking("SF", "SF100001")),
                        List.of("caseId", "key", "leg", "tracking")),
                new Example(CommandType.CONFIRM_RECEIPT, SUPPLIER, CommandHeader::confirmReceipt,
                        h -> h.confirmReceipt().leg(S1).received(ONE),
                        a -> new Command.ConfirmReceipt(KEY, a, null, null, CASE, S1, List.of(ONE)),
                        List.of("caseId", "key", "received")),
                new Example(CommandType.REPORT_RESULT, SUPPLIER, CommandHeader::reportResult,
                        h -> h.reportResult().leg(S1).accepted(ONE).rejected(List.of()).note("inspected")
                                .restockingFee(FEE).evidence(List.of(REPORT)),
                        a -> new Command.ReportResult(KEY, a, null, null, CASE, S1, List.of(ONE), List.of(), "inspected", FEE,
                                List.of(REPORT)),
                        List.of("caseId", "key")),
                new Example(CommandType.SHIP_REPLACEMENT, SUPPLIER, CommandHeader::shipReplacement,
                        h -> h.shipReplacement().leg(S1).tracking("YT", "YT200001"),
                        a -> new Command.ShipReplacement(KEY, a, null, null, CASE, S1,
                                ReturnNumber.replacementTracking("YT", "YT200001")),
                        List.of("caseId", "key", "tracking")),
                new Example(CommandType.REPORT_RESULT_TO_CUSTOMER, RESELLER, CommandHeader::reportResultToCustomer,
                        h -> h.reportResultToCustomer().leg(S1).note("refund on the way").compensation(FEE),
                        a -> new Command.ReportResultToCustomer(KEY, a, null, null, CASE, S1, "refund on the way", FEE),
                        List.of("caseId", "key", "leg")),
                leg(CommandType.CONFIRM_RESULT, CUSTOMER, CommandHeader::confirmResult,
                        a -> new Command.ConfirmResult(KEY, a, null, null, CASE, S1)),
                reasoned(CommandType.DISPUTE_RESULT, CUSTOMER, CommandHeader::disputeResult,
                        a -> new Command.DisputeResult(KEY, a, null, null, CASE, S1, REASON)),
                leg(CommandType.CANCEL_RETURN, CUSTOMER, CommandHeader::cancelReturn,
                        a -> new Command.CancelReturn(KEY, a, null, null, CASE, S1)),
                reasoned(CommandType.CLOSE_LEG, RESELLER, CommandHeader::closeLeg,
                        a -> new Command.CloseLeg(KEY, a, null, null, CASE, S1, REASON)),
                leg(CommandType.FIRE_DEADLINE, SYSTEM, CommandHeader::fireDeadline,
                        a -> new Command.FireDeadline(KEY, a, null, null, CASE, S1)),
                new Example(CommandType.OFFER_PARTIAL_REFUND, SUPPLIER, CommandHeader::offerPartialRefund,
                        h -> h.offerPartialRefund().leg(S1).amount(FEE).note("keep it, with 5 yuan back"),
                        a -> new Command.OfferPartialRefund(KEY, a, null, null, CASE, S1, FEE, "keep it, with 5 yuan back"),
                        List.of("amount", "caseId", "key")),
                leg(CommandType.ACCEPT_PARTIAL_REFUND, CUSTOMER, CommandHeader::acceptPartialRefund,
                        a -> new Command.AcceptPartialRefund(KEY, a, null, null, CASE, S1)),
                reasoned(CommandType.REJECT_PARTIAL_REFUND, CUSTOMER, CommandHeader::rejectPartialRefund,
                        a -> new Command.RejectPartialRefund(KEY, a, null, null, CASE, S1, REASON)),
                reasoned(CommandType.REAPPLY, CUSTOMER, CommandHeader::reapply,
                        a -> new Command.Reapply(KEY, a, null, null, CASE, S1, REASON)),
                new Example(CommandType.SEND_MESSAGE, SUPPLIER, CommandHeader::sendMessage,
                        h -> h.sendMessage().leg(S1).to(Role.RESELLER).text("parcel arrived opened"),
                        a -> new Command.SendMessage(KEY, a, null, null, CASE, S1, Role.RESELLER, "parcel arrived opened"),
                        List.of("caseId", "key", "text", "to")));
    }

    private static Example leg(CommandType type, Actor actor, Function<CommandHeader, LegBuilder<?>> step,
                               Function<Actor, Command> byHand) {
        return new Example(type, actor, step::apply, h -> step.apply(h).leg(S1), byHand,
                actor.role() == Role.SUPPLIER ? List.of("caseId", "key") : List.of("caseId", "key", "leg"));
    }

    private static Example reasoned(CommandType type, Actor actor, Function<CommandHeader, LegReasonBuilder<?>> step,
                                    Function<Actor, Command> byHand) {
        return new Example(type, actor, step::apply, h -> step.apply(h).leg(S1).reason(REASON), byHand,
                actor.role() == Role.SUPPLIER ? List.of("caseId", "key", "reason")
                        : List.of("caseId", "key", "leg", "reason"));
    }

    private static CommandHeader header(Actor actor) {
        return Commands.as(actor).key(KEY).onCase(CASE);
    }

    @Test
    void everyCommandHasAnExample() {
        assertEquals(EnumSet.allOf(CommandType.class),
                examples().map(Example::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(CommandType.class))));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aFullBuildEqualsTheRecordMadeByHand(Example example) {
        Command built = example.filled().apply(header(example.actor())).build();
        assertEquals(example.byHand().apply(example.actor()), built);
        assertEquals(example.type(), built.type());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void anEmptyBuildNamesEveryMissingFieldInOneError(Example example) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> example.step().apply(Commands.as(example.actor())).build());
        assertEquals(example.missing(), e.paths());
        assertEquals(example.type(), e.command());
        assertTrue(e.getMessage().startsWith("invalid " + example.type() + " command: "), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyRoleTheTransitionTableNeverAllowsIsRefusedByTheBuilder(Example example) {
        Set<Role> allowed = ReturnWorkflow.ofDefaults().definition().roles(example.type());
        EnumSet<Role> refused = EnumSet.complementOf(EnumSet.copyOf(allowed));
        assertFalse(refused.isEmpty(), "some role may not fire " + example.type());
        for (Role role : refused) {
            Actor wrong = actorOf(role);
            InvalidCommandException e = assertThrows(InvalidCommandException.class,
                    () -> example.filled().apply(header(wrong)).build(), role + " " + example.type());
            assertEquals(List.of("actor"), e.paths(), e.getMessage());
            assertTrue(e.getMessage().contains("actor must be a "), e.getMessage());
            assertFalse(e.getMessage().contains("a " + role + " "), "the message names the allowed roles only: " + e);
        }
        for (Role role : allowed) {
            assertEquals(example.byHand().apply(actorOf(role)), example.filled().apply(header(actorOf(role))).build());
        }
    }

    @Test
    void aWrongRoleIsNamedByTheRolesThatMayFireTheStep() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> header(SUPPLIER).openNegotiation().leg(S1).build());
        assertEquals("invalid OPEN_NEGOTIATION command: actor must be a RESELLER or a SYSTEM to fire OPEN_NEGOTIATION",
                e.getMessage());
    }

    @Test
    void aMissingActorIsNamedWithTheOtherMissingFields() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> Commands.as(null).key(KEY).confirmResult().build());
        assertEquals(List.of("actor", "caseId", "leg"), e.paths());
    }

    @Test
    void theCustomerIsTheActingCustomerUnlessSet() {
        Command.SubmitReturn submit = header(CUSTOMER).submitReturn().order(ORDER).customerNumber(CUSTOMER_NUMBER)
                .line(LINE).reason(ReasonCode.OTHER, "why").wanted(OutcomeType.EXCHANGE).deliveredAt(DELIVERED)
                .build();
        assertEquals(CUSTOMER_ID, submit.customer());

        InvalidCommandException other = assertThrows(InvalidCommandException.class, () -> header(CUSTOMER)
                .submitReturn().customer(CustomerId.of("c-2")).order(ORDER).customerNumber(CUSTOMER_NUMBER)
                .line(LINE).reason(REASON).wanted(OutcomeType.EXCHANGE).deliveredAt(DELIVERED).build());
        assertEquals(List.of("customer"), other.paths());
        assertFalse(other.getMessage().contains("c-2"), "the message never repeats a value: " + other.getMessage());
    }

    @Test
    void withoutACaseIdOrResellerNumberTheSubmissionLeavesThemToTheEngine() {
        Command.SubmitReturn submit = Commands.as(CUSTOMER).key(KEY).submitReturn().order(ORDER)
                .customerNumber(CUSTOMER_NUMBER).lines(List.of(LINE)).reason(REASON).wanted(OutcomeType.EXCHANGE)
                .deliveredAt(DELIVERED).build();
        assertNull(submit.caseId());
        assertNull(submit.resellerNumber());
    }

    @Test
    void theLegIsTheActingSuppliersOwnUnlessSetAndAnotherLegIsRefused() {
        Command.ConfirmReceipt receipt = header(SUPPLIER).confirmReceipt().received(ONE).build();
        assertEquals(S1, receipt.leg());

        InvalidCommandException other = assertThrows(InvalidCommandException.class,
                () -> header(SUPPLIER).confirmReceipt().leg(SupplierId.of("sup-2")).build());
        assertEquals(List.of("leg", "received"), other.paths());
        assertFalse(other.getMessage().contains("sup-2"), other.getMessage());
    }

    @Test
    void agreeingWithoutQuantitiesAuthorizesEverythingRequested() {
        assertEquals(List.of(), header(SUPPLIER).agreeReturn().outcome(OutcomeType.REFUND_ONLY).build().authorized());
    }

    @Test
    void outOfRangeFieldsAreNamedWithTheMissingOnes() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> Commands.as(RESELLER)
                .expectedVersion(-1L).onCase(CASE).reportResultToCustomer().leg(S1).note("x".repeat(501)).build());
        assertEquals(List.of("expectedVersion", "key", "note"), e.paths());
        assertEquals("invalid REPORT_RESULT_TO_CUSTOMER command: expectedVersion must be greater than or equal to 0; "
                + "key must not be null; note size must be between 0 and 500", e.getMessage());
    }

    @Test
    void aHeaderStartsSeveralCommandsAndIsNotChangedByThem() {
        CommandHeader reseller = Commands.as(RESELLER).onCase(CASE);
        CommandHeader first = reseller.key("k-1");
        CommandHeader second = reseller.key("k-2").expectedVersion(3L);
        assertNotSame(first, second);
        assertEquals(new Command.OpenNegotiation(KEY, RESELLER, null, null, CASE, S1),
                first.openNegotiation().leg(S1).build());
        assertEquals(new Command.ApplyForReturn(IdempotencyKey.of("k-2"), RESELLER, 3L, null, CASE, S1),
                second.applyForReturn().leg(S1).build());
        assertEquals(new Command.ShareNumberWithCustomer(KEY, RESELLER, null, null, CASE, S1),
                first.shareNumberWithCustomer().leg(S1).build());
    }

    @Test
    void aCommandsHeaderStartsAVariantOfItAndAnUncheckedBuildTakesAnyActor() {
        Command.ReportResult reported = Commands.as(SUPPLIER).key(KEY).onCase(CASE).expectedVersion(4L)
                .reportResult().accepted(ONE).build();
        Command.ReportResult smaller = Commands.headerOf(reported).reportResult().leg(reported.leg())
                .rejected(ONE).note(reported.note()).build();
        assertEquals(new Command.ReportResult(KEY, SUPPLIER, 4L, null, CASE, S1, List.of(), List.of(ONE), "", null, List.of()), smaller);
        assertNull(Commands.headerOf(reported).expectedVersion(null).reportResult().build().expectedVersion());

        assertThrows(InvalidCommandException.class, () -> header(CUSTOMER).fireDeadline().leg(S1).build());
        assertEquals(new Command.FireDeadline(KEY, CUSTOMER, null, null, CASE, S1),
                header(CUSTOMER).fireDeadline().leg(S1).buildUnchecked());
        assertEquals(new Command.OpenNegotiation(null, RESELLER, null, null, null, null),
                Commands.as(RESELLER).openNegotiation().buildUnchecked());
    }

    @Test
    void aNullElementOfAListIsRefusedNamingItsIndex() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> header(SUPPLIER).confirmReceipt().received(Arrays.asList(ONE, null)).build());
        assertEquals("received[1] must not be null", e.getMessage());
    }

    private static Actor actorOf(Role role) {
        return switch (role) {
            case CUSTOMER -> CUSTOMER;
            case RESELLER -> RESELLER;
            case SUPPLIER -> SUPPLIER;
            case SYSTEM -> SYSTEM;
        };
    }
}
