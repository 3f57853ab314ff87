package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorsTest {
    private static final Instant DELIVERED = Instant.parse("2026-03-02T00:00:00Z");

    private static <T> List<T> draw(long seed, int count, Function<RandomGenerator, T> generator) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, count).mapToObj(i -> generator.apply(random)).toList();
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        Function<RandomGenerator, Submission> submissions = Generators::submission;
        assertEquals(draw(5, 50, submissions), draw(5, 50, submissions));
        assertNotEquals(draw(5, 50, submissions), draw(6, 50, submissions));
        Function<RandomGenerator, ReturnCase> cases =
                r -> Generators.returnCase(r, ReturnWorkflow.ofDefaults(), Parties.ofDefaults(), DELIVERED, 15);
        assertEquals(draw(9, 20, cases), draw(9, 20, cases));
    }

    @Test
    void quantitiesStayInRangeAndHitEveryEdge() {
        List<Integer> values = draw(1, 2_000, r -> Generators.quantity(r, 9));
        assertTrue(values.stream().allMatch(q -> q >= 0 && q <= 9), values.toString());
        assertTrue(values.containsAll(List.of(0, 1, 9)));
        assertTrue(values.stream().filter(q -> q == 9).count() > 2_000 / 20, "the maximum is drawn more often than uniform");
        assertEquals(List.of(0, 0, 0), draw(1, 3, r -> Generators.quantity(r, 0)));
        assertThrows(IllegalArgumentException.class, () -> Generators.quantity(new SplittableRandom(1), -1));
    }

    @Test
    void durationsLandOnBoundariesToTheSecond() {
        Duration week = Duration.ofDays(7);
        List<Duration> values = draw(2, 3_000, r -> Generators.duration(r, Duration.ofDays(30), List.of(week)));
        assertTrue(values.stream().allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofDays(30)) <= 0));
        assertTrue(values.contains(week.minusSeconds(1)));
        assertTrue(values.contains(week));
        assertTrue(values.contains(week.plusSeconds(1)));
    }

    @Test
    void numberTextsAreTypedMessilyButNormalizeToValidNumbers() {
        Set<String> raw = new HashSet<>();
        for (String text : draw(3, 400, r -> Generators.numberText(r, NumberKind.RETURN_TRACKING))) {
            raw.add(text);
            ReturnNumber number = ReturnNumber.returnTracking("SF", text);
            assertTrue(number.value().matches("[A-Z0-9]{6,40}"), number.value());
        }
        assertTrue(raw.stream().anyMatch(t -> t.chars().anyMatch(c -> c >= '\uFF10' && c <= '\uFF19')), "full-width digits");
        assertTrue(raw.stream().anyMatch(t -> t.contains(" ")), "spaces");
        assertTrue(raw.stream().anyMatch(t -> !t.equals(t.toUpperCase())), "lower case");
    }

    @Test
    void linesHaveDistinctSkusAndSaneQuantities() {
        for (List<ReturnLine> lines : draw(4, 300, r -> Generators.lines(r, 3, 2, 5))) {
            Set<Sku> skus = new HashSet<>();
            for (ReturnLine line : lines) {
                assertTrue(skus.add(line.sku()), "distinct SKUs: " + lines);
                assertTrue(line.requested() >= 1 && line.requested() <= line.delivered() && line.delivered() <= 5);
            }
            assertTrue(lines.size() >= 1 && lines.size() <= 6);
        }
    }

    @Test
    void commandsTargetTheCaseAndOneOfItsLegsAndSomeAreAccepted() {
        ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        SplittableRandom random = new SplittableRandom(8);
        int accepted = 0;
        for (int i = 0; i < 300; i++) {
            ReturnCase current = Generators.returnCase(random, workflow, Parties.ofDefaults(), DELIVERED, 5);
            Command command = Generators.command(random, current, workflow, Parties.ofDefaults());
            assertEquals(current.id(), command.caseId());
            Command.LegCommand legCommand = (Command.LegCommand) command;
            assertTrue(current.legs().stream().map(Leg::supplier).anyMatch(legCommand.leg()::equals));
            if (workflow.decide(current, command, dev.returnsync.core.domain.RuleContext.at(DELIVERED.plus(
                    Duration.ofDays(30)))).accepted()) {
                accepted++;
            }
        }
        assertTrue(accepted > 30, "generated commands mostly make sense, accepted " + accepted + " of 300");
        assertTrue(accepted < 300, "and some knock on the wrong door");
    }

    @Test
    void randomWalksGetPastTheStart() {
        List<ReturnCase> cases = draw(10, 100,
                r -> Generators.returnCase(r, ReturnWorkflow.ofDefaults(), Parties.ofDefaults(), DELIVERED, 20));
        assertTrue(cases.stream().anyMatch(c -> c.version() >= 6), "some walks take several steps");
    }
}
