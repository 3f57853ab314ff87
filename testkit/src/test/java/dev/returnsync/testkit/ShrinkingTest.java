package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.testkit.internal.Shrinker;
import dev.returnsync.testkit.internal.Simplify;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShrinkingTest {
    private static List<Integer> smallerInts(Integer n) {
        List<Integer> out = new ArrayList<>();
        if (n > 0) {
            out.add(0);
            out.add(n / 2);
            out.add(n - 1);
        }
        return out;
    }

    @Test
    void removesWhatIsNotNeededThenMakesTheRestSmall() {
        List<Integer> failing = List.of(3, 99, 4, 12, 8, 1, 50, 7);
        // fails when some element is at least 10 and the list holds an odd number
        Shrinker.Shrunk<Integer> shrunk = Shrinker.shrink(failing,
                list -> list.stream().anyMatch(n -> n >= 10) && list.stream().anyMatch(n -> n % 2 == 1),
                ShrinkingTest::smallerInts, (a, b) -> null, 1_000);
        assertEquals(2, shrunk.value().size(), shrunk.toString());
        assertTrue(shrunk.value().contains(10) || shrunk.value().contains(11), shrunk.toString());
        assertTrue(shrunk.value().contains(1), shrunk.toString());
    }

    @Test
    void mergesNeighboursWhenTheSumMatters() {
        Shrinker.Shrunk<Integer> shrunk = Shrinker.shrink(List.of(4, 4, 4),
                list -> list.stream().mapToInt(Integer::intValue).sum() >= 12,
                ShrinkingTest::smallerInts, Integer::sum, 1_000);
        assertEquals(List.of(12), shrunk.value());
    }

    @Test
    void isDeterministicAndKeepsToItsBudget() {
        List<Integer> failing = List.of(9, 8, 7, 6, 5, 4, 3, 2, 1);
        AtomicInteger calls = new AtomicInteger();
        Shrinker.Shrunk<Integer> first = Shrinker.shrink(failing, list -> {
            calls.incrementAndGet();
            return list.stream().mapToInt(Integer::intValue).sum() > 20;
        }, ShrinkingTest::smallerInts, Integer::sum, 15);
        assertEquals(15, first.attempts());
        assertEquals(15, calls.get());
        Shrinker.Shrunk<Integer> second = Shrinker.shrink(failing,
                list -> list.stream().mapToInt(Integer::intValue).sum() > 20, ShrinkingTest::smallerInts, Integer::sum, 15);
        assertEquals(first, second);
    }

    @Test
    void shorterWaitsAreShorterAndNeverNegative() {
        Duration week = Duration.ofDays(7).plusSeconds(1);
        List<Action> candidates = Simplify.candidates(new Action.AdvanceBy(week));
        assertTrue(candidates.contains(new Action.AdvanceBy(Duration.ZERO)));
        assertTrue(candidates.contains(new Action.AdvanceBy(Duration.ofDays(7))));
        for (Action candidate : candidates) {
            Duration d = ((Action.AdvanceBy) candidate).duration();
            assertTrue(!d.isNegative() && d.compareTo(week) < 0, d.toString());
        }
        assertEquals(List.of(), Simplify.candidates(new Action.AdvanceBy(Duration.ZERO)));
        assertEquals(new Action.AdvanceBy(Duration.ofDays(3)),
                Simplify.merge(new Action.AdvanceBy(Duration.ofDays(1)), new Action.AdvanceBy(Duration.ofDays(2))));
    }

    @Test
    void smallerCommandsHaveFewerAndSmallerQuantities() {
        Parties parties = Parties.ofDefaults();
        CommandHeader supplier = Commands.as(parties.supplier(dev.returnsync.spi.SupplierId.of("S1"))).key("k")
                .onCase(parties.caseId());
        Command.ConfirmReceipt receipt = supplier.expectedVersion(3L).confirmReceipt()
                .received(LineQuantity.of("A", 4), LineQuantity.of("B", 2)).build();
        List<Action> candidates = Simplify.candidates(new Action.Execute(receipt));
        assertTrue(candidates.contains(new Action.Execute(supplier.expectedVersion(3L).confirmReceipt()
                .received(LineQuantity.of("B", 2)).build())), "one line fewer");
        assertTrue(candidates.contains(new Action.Execute(supplier.expectedVersion(3L).confirmReceipt()
                .received(LineQuantity.of("A", 2), LineQuantity.of("B", 2)).build())), "halved");
        assertTrue(candidates.contains(new Action.Execute(supplier.confirmReceipt().received(receipt.received())
                .build())), "no expected version");
    }

    @Test
    void aShrunkRandomFailureKeepsOnlyWhatTheFailureNeeds() {
        // An invariant that breaks as soon as any leg is negotiating: the shrunk trace is submit + open.
        CheckReport report = RuleChecker.forWorkflow(ReturnWorkflow.ofDefaults())
                .invariant("nobody negotiates", c -> c.legs().stream()
                        .noneMatch(l -> l.state() == dev.returnsync.spi.LegState.NEGOTIATING))
                .random(3).scenarios(50).steps(30).run();
        Counterexample found = report.counterexample().orElseThrow();
        assertEquals(2, found.length(), found.format());
        assertTrue(found.replay().contains("shrunk from"), found.replay());
        Command.SubmitReturn submit = (Command.SubmitReturn) ((Action.Execute) found.trace().get(0).action()).command();
        assertEquals(1, submit.lines().size(), "extra lines were shrunk away: " + found.format());
        assertEquals(1, submit.lines().get(0).requested(), found.format());
        assertEquals(0, submit.lines().get(0).unitPrice().minor(), found.format());
    }
}
