package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;

import java.util.List;

/**
 * Builds a command about one leg of a case. The leg is named by its supplier; when a supplier fires the command,
 * the leg is its own and need not be set.
 *
 * @param <B> the builder itself, returned by the setters
 * @param <C> the command built
 */
public abstract class LegCommandBuilder<B extends LegCommandBuilder<B, C>, C extends Command.LegCommand>
        extends CommandBuilder<C> {
    private SupplierId leg;

    LegCommandBuilder(CommandHeader header, CommandType type) {
        super(header, type);
    }

    /**
     * The leg the command is about.
     *
     * @param leg the supplier of the leg; required, unless a supplier fires the command (then its own leg)
     * @return this builder
     */
    public final B leg(SupplierId leg) {
        this.leg = leg;
        @SuppressWarnings("unchecked")
        B self = (B) this;
        return self;
    }

    /** {@return the leg as set, or the acting supplier's own} */
    final SupplierId leg() {
        Actor actor = header.actor;
        if (leg == null && actor != null && actor.role() == Role.SUPPLIER) {
            return SupplierId.of(actor.id());
        }
        return leg;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        defaults.add(new FieldDefault("leg", "the acting supplier's own leg, when a supplier fires the command"));
    }

    @Override
    final void checkParty(C command, Actor actor, List<Violation> violations) {
        if (actor.role() == Role.SUPPLIER && command.leg() != null && !actor.is(command.leg())) {
            violations.add(new Violation("leg", "must be the acting supplier's own leg"));
        }
    }
}
