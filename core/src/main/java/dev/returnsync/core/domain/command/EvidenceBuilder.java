package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Evidence;

import java.util.Arrays;
import java.util.List;

/**
 * Builds a command about a leg that carries evidence references beside its own fields: the supplier's agreement and
 * its inspection report. Evidence is optional; none by default.
 *
 * @param <B> the concrete builder, returned by each setter
 * @param <C> the command built
 */
public abstract class EvidenceBuilder<B extends EvidenceBuilder<B, C>, C extends Command.LegCommand>
        extends LegCommandBuilder<B, C> {
    private List<Evidence> evidence = List.of();

    EvidenceBuilder(CommandHeader header, CommandType type) {
        super(header, type);
    }

    /**
     * The evidence references, replacing any given before; at most {@value Evidence#MAX_COUNT}.
     *
     * @param evidence photos, videos, inspection reports
     * @return this builder
     */
    public final B evidence(Evidence... evidence) {
        return evidence(Arrays.asList(evidence));
    }

    /**
     * The evidence references, replacing any given before; at most {@value Evidence#MAX_COUNT}.
     *
     * @param evidence photos, videos, inspection reports; a null element is refused when the command is built
     * @return this builder
     */
    public final B evidence(List<Evidence> evidence) {
        this.evidence = Snapshots.of(evidence);
        @SuppressWarnings("unchecked")
        B self = (B) this;
        return self;
    }

    /** {@return the evidence given so far} */
    final List<Evidence> evidence() {
        return evidence;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        super.addDefaults(defaults);
        defaults.add(new FieldDefault("evidence", "none"));
    }
}
