package dev.returnsync.testkit.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.testkit.Action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Simpler versions of an action, simplest first, for the {@link Shrinker}. Not API. */
public final class Simplify {
    private Simplify() {
    }

    /** Simpler versions of an action: shorter waits, fewer and smaller quantities, no expected version. */
    public static List<Action> candidates(Action action) {
        List<Action> out = new ArrayList<>();
        if (action instanceof Action.AdvanceBy by) {
            for (Duration d : shorter(by.duration())) {
                out.add(new Action.AdvanceBy(d));
            }
        } else if (action instanceof Action.AdvanceToNextDue due) {
            Duration offset = due.offset();
            if (!offset.isZero()) {
                out.add(new Action.AdvanceToNextDue(Duration.ZERO));
                for (Duration d : shorter(offset.abs())) {
                    out.add(new Action.AdvanceToNextDue(offset.isNegative() ? d.negated() : d));
                }
            }
        } else if (action instanceof Action.Execute execute) {
            for (Command command : commands(execute.command())) {
                out.add(new Action.Execute(command));
            }
        }
        return out;
    }

    /** Two clock moves by a duration in a row make one; anything else does not merge ({@code null}). */
    public static Action merge(Action first, Action second) {
        if (first instanceof Action.AdvanceBy a && second instanceof Action.AdvanceBy b) {
            return new Action.AdvanceBy(a.duration().plus(b.duration()));
        }
        return null;
    }

    /** Shorter durations than {@code d}, zero or more: zero, whole days, half, minus a day, an hour, a second. */
    static List<Duration> shorter(Duration d) {
        Set<Duration> out = new LinkedHashSet<>();
        if (d.isZero() || d.isNegative()) {
            return List.of();
        }
        out.add(Duration.ZERO);
        out.add(Duration.ofDays(d.toDays()));
        out.add(Duration.ofHours(d.toHours()));
        out.add(Duration.ofSeconds(d.getSeconds() / 2));
        for (Duration step : List.of(Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1))) {
            if (d.compareTo(step) >= 0) {
                out.add(d.minus(step));
            }
        }
        out.removeIf(x -> x.compareTo(d) >= 0 || x.isNegative());
        return List.copyOf(out);
    }

    private static List<Command> commands(Command command) {
        List<Command> out = new ArrayList<>();
        if (command instanceof Command.SubmitReturn s) {
            List<ReturnLine> lines = s.lines();
            if (lines.size() > 1) {
                for (int i = 0; i < lines.size(); i++) {
                    List<ReturnLine> fewer = new ArrayList<>(lines);
                    fewer.remove(i);
                    out.add(submit(s, fewer, s.reason(), s.expectedVersion()));
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                ReturnLine l = lines.get(i);
                List<ReturnLine> smaller = new ArrayList<>();
                if (l.requested() > 1) {
                    smaller.add(new ReturnLine(l.sku(), l.supplier(), 1, l.delivered(), l.unitPrice()));
                }
                if (l.delivered() > l.requested()) {
                    smaller.add(new ReturnLine(l.sku(), l.supplier(), l.requested(), l.requested(), l.unitPrice()));
                }
                if (l.unitPrice().minor() > 0) {
                    smaller.add(new ReturnLine(l.sku(), l.supplier(), l.requested(), l.delivered(),
                            new Money(l.unitPrice().currency(), l.unitPrice().minor() / 2)));
                }
                for (ReturnLine line : smaller) {
                    List<ReturnLine> copy = new ArrayList<>(lines);
                    copy.set(i, line);
                    out.add(submit(s, copy, s.reason(), s.expectedVersion()));
                }
            }
            Reason r = s.reason();
            if (!r.evidence().isEmpty() || !r.text().isEmpty()) {
                out.add(submit(s, lines, new Reason(r.code(), "", List.of()), s.expectedVersion()));
            }
            if (s.expectedVersion() != null) {
                out.add(submit(s, lines, s.reason(), null));
            }
        } else if (command instanceof Command.AgreeReturn c) {
            for (List<LineQuantity> q : smaller(c.authorized())) {
                out.add(agree(c, c.expectedVersion(), q));
            }
            if (c.expectedVersion() != null) {
                out.add(agree(c, null, c.authorized()));
            }
        } else if (command instanceof Command.ConfirmReceipt c) {
            for (List<LineQuantity> q : smaller(c.received())) {
                if (!q.isEmpty()) {
                    out.add(receipt(c, c.expectedVersion(), q));
                }
            }
            if (c.expectedVersion() != null) {
                out.add(receipt(c, null, c.received()));
            }
        } else if (command instanceof Command.ReportResult c) {
            for (List<LineQuantity> q : smaller(c.accepted())) {
                out.add(result(c, c.expectedVersion(), q, c.rejected()));
            }
            for (List<LineQuantity> q : smaller(c.rejected())) {
                out.add(result(c, c.expectedVersion(), c.accepted(), q));
            }
            if (c.expectedVersion() != null) {
                out.add(result(c, null, c.accepted(), c.rejected()));
            }
        }
        return out;
    }

    // The copies below are built unchecked: a counterexample may hold a command that a build refuses (a wrong actor),
    // and its simpler versions must keep it.

    private static Command submit(Command.SubmitReturn s, List<ReturnLine> lines, Reason reason, Long version) {
        return Commands.headerOf(s).expectedVersion(version).submitReturn().customer(s.customer()).order(s.order())
                .customerNumber(s.customerNumber()).resellerNumber(s.resellerNumber()).lines(lines).reason(reason)
                .wanted(s.wanted()).deliveredAt(s.deliveredAt()).buildUnchecked();
    }

    private static Command agree(Command.AgreeReturn c, Long version, List<LineQuantity> authorized) {
        return Commands.headerOf(c).expectedVersion(version).agreeReturn().leg(c.leg()).outcome(c.outcome())
                .authorized(authorized).buildUnchecked();
    }

    private static Command receipt(Command.ConfirmReceipt c, Long version, List<LineQuantity> received) {
        return Commands.headerOf(c).expectedVersion(version).confirmReceipt().leg(c.leg()).received(received)
                .buildUnchecked();
    }

    private static Command result(Command.ReportResult c, Long version, List<LineQuantity> accepted,
                                  List<LineQuantity> rejected) {
        return Commands.headerOf(c).expectedVersion(version).reportResult().leg(c.leg()).accepted(accepted)
                .rejected(rejected).note(c.note()).buildUnchecked();
    }

    /** Smaller quantity lists: one entry fewer, then each quantity 0, halved, minus one. */
    static List<List<LineQuantity>> smaller(List<LineQuantity> quantities) {
        List<List<LineQuantity>> out = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            List<LineQuantity> fewer = new ArrayList<>(quantities);
            fewer.remove(i);
            out.add(List.copyOf(fewer));
        }
        for (int i = 0; i < quantities.size(); i++) {
            LineQuantity q = quantities.get(i);
            Set<Integer> values = new LinkedHashSet<>(List.of(0, q.quantity() / 2, q.quantity() - 1));
            for (int value : values) {
                if (value >= 0 && value < q.quantity()) {
                    List<LineQuantity> copy = new ArrayList<>(quantities);
                    copy.set(i, new LineQuantity(q.sku(), value));
                    out.add(List.copyOf(copy));
                }
            }
        }
        return out;
    }
}
