package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link Command.AgreeReturn}, part of 代发商与供应商协商: the supplier agrees to take the return back (or
 * the reseller records its agreement), with an outcome. Required: the outcome (and the leg, unless the supplier
 * agrees). By default every requested unit is authorized; {@link #authorized} narrows it.
 */
public final class AgreeReturnBuilder extends LegCommandBuilder<AgreeReturnBuilder, Command.AgreeReturn> {
    private OutcomeType outcome;
    private List<LineQuantity> authorized = new ArrayList<>();

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
        this.authorized = authorized == null ? null : new ArrayList<>(authorized);
        return this;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        super.addDefaults(defaults);
        defaults.add(new FieldDefault("authorized", "none listed: every requested unit of the leg is authorized"));
    }

    @Override
    Command.AgreeReturn make() {
        return new Command.AgreeReturn(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId, leg(),
                outcome, authorized);
    }
}
