package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;

import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link Command.AgreeReturn}, part of 代发商与供应商协商: the supplier agrees to take the return back (or
 * the reseller records its agreement), with an outcome. Required: the outcome (and the leg, unless the supplier
 * agrees). By default every requested unit is authorized; {@link #authorized} narrows it. The return shipping fee
 * (运费) is none unless set, borne as the case's reason calls for ({@link FeeBearer#forReason}) unless
 * {@link #feeBearer} says otherwise.
 */
public final class AgreeReturnBuilder extends EvidenceBuilder<AgreeReturnBuilder, Command.AgreeReturn> {
    private OutcomeType outcome;
    private List<LineQuantity> authorized = List.of();
    private Money shippingFee;
    private FeeBearer feeBearer;
    private String insuranceClaim;

    AgreeReturnBuilder(CommandHeader header) {
        super(header, CommandType.AGREE_RETURN);
    }

    /**
     * The outcome agreed; required. It may differ from the one the customer wants.
     *
     * @param outcome return and refund, exchange, or refund only
     * @return this builder
     */
    public AgreeReturnBuilder outcome(OutcomeType outcome) {
        this.outcome = outcome;
        return this;
    }

    /**
     * The authorized quantity per SKU of the leg, replacing any given before; none (the default) authorizes every
     * requested unit.
     *
     * @param authorized the quantities
     * @return this builder
     */
    public AgreeReturnBuilder authorized(LineQuantity... authorized) {
        return authorized(Arrays.asList(authorized));
    }

    /**
     * The authorized quantity per SKU of the leg, replacing any given before; an empty list (the default)
     * authorizes every requested unit.
     *
     * @param authorized the quantities; a null element is refused when the command is built
     * @return this builder
     */
    public AgreeReturnBuilder authorized(List<LineQuantity> authorized) {
        this.authorized = Snapshots.of(authorized);
        return this;
    }

    /**
     * The return shipping fee (运费) agreed, in the case's currency; none unless set. A refund-only leg ships
     * nothing back and takes none.
     *
     * @param fee the fee
     * @return this builder
     */
    public AgreeReturnBuilder shippingFee(Money fee) {
        this.shippingFee = fee;
        return this;
    }

    /**
     * Who bears the shipping fee, instead of the bearer the case's reason calls for. The customer never bears it for
     * a complaint about the goods; freight insurance needs an {@link #insuranceClaim}.
     *
     * @param bearer the bearer
     * @return this builder
     */
    public AgreeReturnBuilder feeBearer(FeeBearer bearer) {
        this.feeBearer = bearer;
        return this;
    }

    /**
     * The freight insurance (运费险) claim reference, when {@link FeeBearer#FREIGHT_INSURANCE} bears the fee and pays
     * the customer directly; needed exactly then.
     *
     * @param claim the insurer's claim reference, at most 64 characters
     * @return this builder
     */
    public AgreeReturnBuilder insuranceClaim(String claim) {
        this.insuranceClaim = claim;
        return this;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        super.addDefaults(defaults);
        defaults.add(new FieldDefault("authorized", "none listed: every requested unit of the leg is authorized"));
        defaults.add(new FieldDefault("shippingFee", "none"));
        defaults.add(new FieldDefault("feeBearer", "as the case's reason calls for: the supplier for a complaint about"
                + " the goods, else the customer"));
        defaults.add(new FieldDefault("insuranceClaim", "none (needed only when freight insurance bears the fee)"));
    }

    @Override
    Command.AgreeReturn make() {
        return new Command.AgreeReturn(header.key, header.actor, header.expectedVersion, header.externalVersion,
                header.caseId, leg(), outcome, authorized, shippingFee, feeBearer, insuranceClaim, evidence());
    }
}
