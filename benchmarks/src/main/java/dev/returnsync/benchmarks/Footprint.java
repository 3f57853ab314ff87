package dev.returnsync.benchmarks;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.Role;
import org.openjdk.jol.info.GraphLayout;

import java.util.Currency;
import java.util.List;

/**
 * What one case is made of, by class, measured with JOL: returnsync's in-flight case (shipped, waiting for the
 * receipt), the same case closed with its events, and the floor's record of the same case for comparison.
 * Complements {@link RetainedMemory}, which measures every implementation over many cases.
 * Objects every case shares (enum constants, the currency) are left out.
 * {@code java -Djol.magicFieldOffset=true -cp benchmarks.jar dev.returnsync.benchmarks.Footprint}
 */
public final class Footprint {
    /** What every case shares: enum constants, the currency, the JDK's empty-list and list-slot sentinels. */
    private static final GraphLayout SHARED = GraphLayout.parseInstance(NumberKind.values(), LegState.values(),
            OutcomeType.values(), ReasonCode.values(), Role.values(), FlowState.values(), Step.values(),
            Currency.getInstance("CNY"), List.of(), List.of(1));

    private Footprint() {
    }

    /**
     * Prints the footprints.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Scenario scenario = Scenario.of(4242);
        ReturnFlow ours = FlowType.RETURNSYNC.create();
        ReturnFlow floor = FlowType.HAND_WRITTEN.create();
        print("returnsync, in flight (before CONFIRM_RECEIPT)", ours.live(scenario, Step.CONFIRM_RECEIPT));
        print("returnsync, closed with its 11 events", ours.closed(scenario));
        print("hand-written floor, in flight (before CONFIRM_RECEIPT)", floor.live(scenario, Step.CONFIRM_RECEIPT));
    }

    private static void print(String title, Object root) {
        GraphLayout layout = GraphLayout.parseInstance(root).subtract(SHARED);
        System.out.println("## " + title + ": " + layout.totalSize() + " bytes in " + layout.totalCount() + " objects");
        System.out.println(layout.toFootprint());
    }
}
