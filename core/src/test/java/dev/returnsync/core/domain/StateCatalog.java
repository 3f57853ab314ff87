package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.line;

/**
 * Single-leg cases in every leg state, reached by real commands: every intermediate case of the happy path for
 * each outcome type, and of each alternate path.
 */
final class StateCatalog {
    private StateCatalog() {
    }

    /** A case, how it was reached, and the leg's state. */
    record Sample(String path, ReturnCase current) {
        LegState state() {
            return current.leg(S1).orElseThrow().state();
        }
    }

    static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        for (OutcomeType outcome : OutcomeType.values()) {
            walk(samples, outcome.name(), outcome, walk -> {
                walk.open(S1);
                walk.agree(S1, outcome);
                walk.apply(S1);
                walk.issue(S1, "SN-1");
                walk.share(S1);
                if (outcome.shipsGoodsBack()) {
                    walk.ship(S1, "SF", "SF0000000001");
                    walk.receive(S1, LineQuantity.of("SKU-1", 2));
                    walk.inspect(S1, List.of(LineQuantity.of("SKU-1", 1)), List.of(LineQuantity.of("SKU-1", 1)));
                    if (outcome == OutcomeType.EXCHANGE) {
                        walk.shipReplacement(S1, "SF", "SF0000000002");
                    }
                } else {
                    walk.inspect(S1, List.of(), List.of());
                }
                walk.tellCustomer(S1);
                walk.dispute(S1);
                walk.tellCustomer(S1);
                walk.confirm(S1);
            });
        }
        walk(samples, "declined", OutcomeType.RETURN_AND_REFUND, walk -> {
            walk.open(S1);
            walk.decline(S1);
        });
        walk(samples, "partial-refund", OutcomeType.RETURN_AND_REFUND, walk -> {
            walk.open(S1);
            walk.offer(S1, "0.50");
            walk.rejectOffer(S1);
            walk.offer(S1, "0.80");
            walk.acceptOffer(S1);
        });
        walk(samples, "partial-refund-escalated", OutcomeType.RETURN_AND_REFUND, walk -> {
            walk.open(S1);
            walk.offer(S1, "0.50");
            walk.advance(Duration.ofHours(48)).fire(S1);
        });
        walk(samples, "re-applied", OutcomeType.RETURN_AND_REFUND, walk -> {
            walk.message(S1, Fixtures.customer(), dev.returnsync.spi.Role.RESELLER, "can the seam be checked?");
            walk.open(S1);
            walk.decline(S1);
            walk.reapply(S1);
            walk.decline(S1);
            walk.reapply(S1);
            walk.decline(S1);
        });
        walk(samples, "cancelled", OutcomeType.RETURN_AND_REFUND, walk -> walk.cancel(S1));
        walk(samples, "closed", OutcomeType.RETURN_AND_REFUND, walk -> walk.close(S1));
        walk(samples, "escalated-then-expired", OutcomeType.RETURN_AND_REFUND, walk -> {
            walk.open(S1);
            walk.advance(Duration.ofHours(48)).fire(S1);
            walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
            walk.apply(S1);
            walk.issue(S1, "SN-1");
            walk.share(S1);
            walk.advance(Duration.ofDays(7)).fire(S1);
        });
        walk(samples, "auto-confirmed", OutcomeType.REFUND_ONLY, walk -> {
            walk.open(S1);
            walk.agree(S1, OutcomeType.REFUND_ONLY);
            walk.apply(S1);
            walk.issue(S1, "SN-1");
            walk.share(S1);
            walk.inspect(S1, List.of(), List.of());
            walk.tellCustomer(S1);
            walk.advance(Duration.ofDays(7)).fire(S1);
        });
        return samples;
    }

    private static void walk(List<Sample> samples, String path, OutcomeType wanted, Consumer<Recording> steps) {
        Recording walk = new Recording(samples, path);
        walk.submit(List.of(line("SKU-1", S1, 2, 3, "25.00")), wanted);
        steps.accept(walk);
    }

    /** A walk that records every case it passes through. */
    static final class Recording extends Fixtures.Walk {
        private final List<Sample> samples;
        private final String path;

        Recording(List<Sample> samples, String path) {
            this.samples = samples;
            this.path = path;
        }

        @Override
        dev.returnsync.spi.ReturnEvent accept(Command command) {
            dev.returnsync.spi.ReturnEvent event = super.accept(command);
            samples.add(new Sample(path + "#" + current.version(), current));
            return event;
        }
    }
}
