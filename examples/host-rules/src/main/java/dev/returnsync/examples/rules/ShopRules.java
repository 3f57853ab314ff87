package dev.returnsync.examples.rules;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.Policy;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shop's own return rules: clearance items come back within three days of delivery or not at all, and every
 * new return opens the negotiation with its suppliers at once, so the service desk never has to.
 */
public final class ShopRules {
    /** The name of the guard on clearance items, as refusals name it. */
    public static final String CLEARANCE_RULE = "clearance-3-days";
    /** The setting that lists the clearance SKUs, separated by commas. */
    public static final String CLEARANCE_SKUS = "clearance-skus";
    /** How long after delivery a clearance item may still be returned. */
    public static final Duration CLEARANCE_WINDOW = Duration.ofDays(3);
    /** The name of the policy that opens the negotiation. */
    public static final String OPEN_NEGOTIATION = "open-negotiation-on-submission";

    private ShopRules() {
    }

    /**
     * The shop's workflow: its two rules, the library's automation to apply for the return once a supplier agreed
     * and to pass the supplier's number on to the customer, and the list of clearance SKUs.
     *
     * @param clearanceSkus the SKUs sold on clearance, separated by commas
     */
    public static ReturnWorkflow workflow(String clearanceSkus) {
        return ReturnWorkflow.builder()
                .guard(clearanceWindow())
                .policy(openNegotiationOnSubmission())
                .policy(Policies.autoApplyForReturn())
                .policy(Policies.autoShareSupplierNumber())
                .setting(CLEARANCE_SKUS, clearanceSkus)
                .build();
    }

    /**
     * Refuses a return with a clearance item more than {@link #CLEARANCE_WINDOW} after delivery (the end of the
     * window itself is still inside). It declares the window it measures, so the rule checker explores its edges.
     */
    public static Guard clearanceWindow() {
        return Guard.named(CLEARANCE_RULE).on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, ctx) -> hasClearanceItem(submit, ctx)
                                && ctx.now().isAfter(submit.deliveredAt().plus(CLEARANCE_WINDOW)),
                        "clearance items are returned within 3 days of delivery")
                .withHorizons(CLEARANCE_WINDOW);
    }

    /** Opens the negotiation with every supplier of a return as soon as the customer submitted it. */
    public static Policy openNegotiationOnSubmission() {
        return Policy.on(ReturnEvent.ReturnRequested.class, OPEN_NEGOTIATION, (after, requested, ctx) ->
                after.legs().stream()
                        .<Command>map(leg -> ctx.header(leg.supplier().value()).openNegotiation()
                                .leg(leg.supplier()).build())
                        .toList());
    }

    /** Whether a submission asks back a SKU the shop's settings list as clearance. */
    static boolean hasClearanceItem(Command.SubmitReturn submit, RuleContext ctx) {
        Set<String> clearance = Arrays.stream(ctx.setting(CLEARANCE_SKUS, "").split(","))
                .map(String::strip).filter(sku -> !sku.isEmpty()).collect(Collectors.toSet());
        return submit.lines().stream().map(ReturnLine::sku).anyMatch(sku -> clearance.contains(sku.value()));
    }
}
