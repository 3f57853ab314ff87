package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.Transition;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of built-in invariants. {@link #all()} is what every check runs unless told otherwise; each
 * one is also available alone. Each is named, and explains every violation it finds.
 */
public final class Invariants {
    private static final Set<LegState> AFTER_RESULT = EnumSet.of(LegState.RESULT_REPORTED, LegState.REPLACEMENT_SHIPPED,
            LegState.RESULT_NOTIFIED, LegState.DISPUTED, LegState.COMPLETED);

    private Invariants() {
    }

    /** {@return every built-in invariant, in the order of this class} */
    public static List<Invariant> all() {
        return List.of(terminalStatesAbsorb(), numbersResolveToOneLeg(), quantitiesInOrder(), versionsHaveNoGaps(),
                refusalChangesNothing(), refusalsDoNotLeakAcrossTenants(), deadlinesNotBeforeTheirEvent(),
                customerSeesOnlyOwnLegNumbers(), evolveFollowsTable(), decideIsDeterministic(),
                resultReportedBySupplierItself());
    }

    /**
     * No command, accepted or proposed by a policy, changes a leg that is in a terminal state, but for the one way out
     * of a decline: the customer's (or the reseller's) re-application, which opens the leg's next round.
     *
     * @return the invariant
     */
    public static Invariant terminalStatesAbsorb() {
        return Invariant.onStepExplained("terminal states absorb", step -> {
            if (!step.accepted() || step.before().isEmpty()) {
                return Optional.empty();
            }
            ReturnCase was = step.before().get();
            Command.Reapply reapply = step.command() instanceof Command.Reapply r ? r : null;
            for (Leg leg : was.legs()) {
                boolean reopened = reapply != null && reapply.leg().equals(leg.supplier())
                        && leg.state() == LegState.DECLINED;
                if (leg.state().isTerminal() && !reopened) {
                    Leg now = step.after().orElseThrow().leg(leg.supplier()).orElse(null);
                    if (!leg.equals(now)) {
                        return Optional.of("leg " + leg.supplier() + " was " + leg.state() + " (terminal), but "
                                + step.command().type() + " changed it to " + now);
                    }
                }
            }
            if (step.command() instanceof Command.LegCommand command && reapply == null) {
                Optional<Leg> leg = was.leg(command.leg());
                if (leg.isPresent() && leg.get().state().isTerminal()) {
                    return Optional.of(command.type() + " was accepted on leg " + command.leg() + " in terminal state "
                            + leg.get().state());
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Every number linked to the case resolves to exactly one link, the one of its own leg (or of the case),
     * with the right superseded flag, in the case's tenant.
     *
     * @return the invariant
     */
    public static Invariant numbersResolveToOneLeg() {
        return Invariant.explained("every linked number resolves to exactly one case and leg", c -> {
            Map<String, NumberLink> byKey = new HashMap<>();
            for (NumberLink link : c.links()) {
                if (!link.caseId().equals(c.id()) || !link.tenant().equals(c.tenant())) {
                    return Optional.of("number " + link.number() + " is linked to case " + link.caseId() + " of tenant "
                            + link.tenant() + " instead of " + c.id() + " of " + c.tenant());
                }
                NumberLink twin = byKey.putIfAbsent(link.number().uniquenessKey(), link);
                if (twin != null) {
                    return Optional.of("number " + link.number() + " is linked twice: to " + where(twin) + " and to "
                            + where(link));
                }
                Optional<NumberLink> resolved = c.resolve(link.number());
                if (!resolved.equals(Optional.of(link))) {
                    return Optional.of("number " + link.number() + " of " + where(link) + " resolves to "
                            + resolved.map(Invariants::where).orElse("nothing"));
                }
            }
            return Optional.empty();
        });
    }

    private static String where(NumberLink link) {
        return (link.leg() == null ? "the case" : "leg " + link.leg()) + (link.superseded() ? " (superseded)" : "");
    }

    /**
     * Per line: {@code accepted + rejected <= received <= authorized <= requested <= delivered}, none negative.
     *
     * @return the invariant
     */
    public static Invariant quantitiesInOrder() {
        return Invariant.explained("accepted + rejected <= received <= authorized <= requested <= delivered", c -> {
            for (Leg leg : c.legs()) {
                for (LineState l : leg.lines()) {
                    if (l.accepted() < 0 || l.rejected() < 0 || l.accepted() + l.rejected() > l.received()
                            || l.received() > l.authorized() || l.authorized() > l.requested()
                            || l.requested() > l.delivered()) {
                        return Optional.of("line " + l.sku() + " of leg " + leg.supplier() + ": " + l);
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * An accepted command raises the version by the number of its events; the version always equals the number
     * of events folded into the case; a refused command leaves it alone.
     *
     * @return the invariant
     */
    public static Invariant versionsHaveNoGaps() {
        return Invariant.onStepExplained("versions have no gaps", step -> {
            long before = step.before().map(ReturnCase::version).orElse(0L);
            long after = step.after().map(ReturnCase::version).orElse(0L);
            if (step.accepted()) {
                long expected = before + step.events().size();
                if (after != expected) {
                    return Optional.of("version went from " + before + " to " + after + " with "
                            + step.events().size() + " event(s); expected " + expected);
                }
            } else if (after != before) {
                return Optional.of("a refused command moved the version from " + before + " to " + after);
            }
            if (after != step.history().size()) {
                return Optional.of("version " + after + " but " + step.history().size() + " events were folded");
            }
            return Optional.empty();
        });
    }

    /**
     * A refused command changes nothing, and its refusal tells the truth: it names the command's type and case,
     * and the state of the commanded leg (or none).
     *
     * @return the invariant
     */
    public static Invariant refusalChangesNothing() {
        return Invariant.onStepExplained("a refused command changes nothing", step -> {
            if (!(step.decision() instanceof Decision.Refused refused)) {
                return Optional.empty();
            }
            if (!Objects.equals(step.before(), step.after())) {
                return Optional.of("the case changed although the command was refused");
            }
            Refusal refusal = refused.refusal();
            if (refusal.command() != step.command().type()) {
                return Optional.of("the refusal names " + refusal.command() + " but the command was "
                        + step.command().type());
            }
            if (!Objects.equals(refusal.caseId(), step.command().caseId())) {
                return Optional.of("the refusal names case " + refusal.caseId() + " but the command was about "
                        + step.command().caseId());
            }
            if (refusal.state() != null && step.command() instanceof Command.LegCommand command) {
                LegState actual = step.before().flatMap(c -> c.leg(command.leg())).map(Leg::state).orElse(null);
                if (refusal.state() != actual) {
                    return Optional.of("the refusal names state " + refusal.state() + " but the leg is in " + actual);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A command from another tenant is refused as if the case did not exist, and the refusal names none of the
     * case's parties or numbers.
     *
     * @return the invariant
     */
    public static Invariant refusalsDoNotLeakAcrossTenants() {
        return Invariant.onStepExplained("refusals do not leak across tenants", step -> {
            ReturnCase c = step.before().orElse(null);
            if (c == null || step.command().actor().tenant().equals(c.tenant())) {
                return Optional.empty();
            }
            if (step.accepted()) {
                return Optional.of(step.command().actor() + " of another tenant got " + step.command().type()
                        + " accepted on a case of " + c.tenant());
            }
            Refusal refusal = ((Decision.Refused) step.decision()).refusal();
            if (refusal.code() != Refusal.Code.CASE_NOT_FOUND && refusal.code() != Refusal.Code.CASE_EXISTS) {
                return Optional.of("another tenant learns more than 'not found': " + refusal);
            }
            List<String> secrets = new ArrayList<>(List.of(c.customer().value(), c.order().value(),
                    c.customerNumber().value(), c.resellerNumber().value()));
            for (Leg leg : c.legs()) {
                secrets.add(leg.supplier().value());
                if (leg.supplierNumber() != null) {
                    secrets.add(leg.supplierNumber().value());
                }
            }
            for (String secret : secrets) {
                if (refusal.reason().contains(secret) || (refusal.rule() != null && refusal.rule().contains(secret))) {
                    return Optional.of("the refusal to " + step.command().actor() + " names '" + secret + "': " + refusal);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * No deadline lies before the event that set it: every leg's due time ({@link Leg#dueAt}) is at or after the
     * time the leg entered its state ({@link Leg#since()}); {@code since} is the time of the event that moved
     * the leg into its state, never in the future, and never before the case was opened.
     *
     * @return the invariant
     */
    public static Invariant deadlinesNotBeforeTheirEvent() {
        return Invariant.onStepExplained("no deadline lies before the event that set it", step -> {
            if (!step.accepted()) {
                return Optional.empty();
            }
            ReturnCase c = step.after().orElseThrow();
            Instant now = step.context().now();
            for (Leg leg : c.legs()) {
                if (leg.since().isAfter(now) || leg.since().isBefore(c.createdAt())) {
                    return Optional.of("leg " + leg.supplier() + " entered " + leg.state() + " at " + leg.since()
                            + ", outside [" + c.createdAt() + ", " + now + "]");
                }
                Optional<Instant> due = leg.dueAt(step.workflow().deadlines());
                if (due.isPresent() && due.get().isBefore(leg.since())) {
                    return Optional.of("leg " + leg.supplier() + " in " + leg.state() + " since " + leg.since()
                            + " falls due before that, at " + due.get());
                }
                Leg before = step.before().flatMap(was -> was.leg(leg.supplier())).orElse(null);
                if (before != null && before.state() != leg.state() && !leg.since().equals(now)) {
                    return Optional.of("leg " + leg.supplier() + " moved " + before.state() + " -> " + leg.state() + " at "
                            + now + " but records it entered the state at " + leg.since());
                }
                if (before != null && before.state() == leg.state() && !before.since().equals(leg.since())) {
                    return Optional.of("leg " + leg.supplier() + " stayed in " + leg.state() + " but its entry time moved from "
                            + before.since() + " to " + leg.since() + ", which moves its deadline");
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A customer never sees a supplier number of another leg: in the {@link CustomerView}, every number shown
     * on a leg resolves to that very leg, a supplier number only once it was shared, never a superseded one;
     * and a number shared with the customer ({@code NumberSharedWithCustomer}) is the current number of the
     * leg it is shared for.
     *
     * @return the invariant
     */
    public static Invariant customerSeesOnlyOwnLegNumbers() {
        return Invariant.onStepExplained("a customer never sees a supplier number of another leg", step -> {
            if (!step.accepted()) {
                return Optional.empty();
            }
            ReturnCase c = step.after().orElseThrow();
            CustomerView view = CustomerView.of(c);
            for (int i = 0; i < view.legs().size(); i++) {
                SupplierId owner = c.legs().get(i).supplier();
                for (ReturnNumber number : view.legs().get(i).numbers()) {
                    Optional<NumberLink> link = c.resolve(number);
                    if (link.isEmpty() || !owner.equals(link.get().leg()) || link.get().superseded()) {
                        return Optional.of("the customer sees " + number + " on leg " + owner + " but it resolves to "
                                + link.map(Invariants::where).orElse("nothing"));
                    }
                }
            }
            for (ReturnEvent event : step.events()) {
                if (event instanceof ReturnEvent.NumberSharedWithCustomer shared) {
                    Leg leg = c.leg(shared.leg()).orElse(null);
                    if (leg == null || shared.number() == null || !shared.number().equals(leg.supplierNumber())) {
                        return Optional.of("the customer was told " + shared.number() + " for leg " + shared.leg()
                                + ", whose current supplier number is " + (leg == null ? "unknown" : leg.supplierNumber()));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * evolve agrees with decide and the table: an accepted command moves only its own leg, to the {@code to}
     * state of a row of the transition table for its type, from the leg's state, for the actor's role, whose
     * condition held; the event is the row's event. A submission opens every leg in the row's state.
     *
     * @return the invariant
     */
    public static Invariant evolveFollowsTable() {
        return Invariant.onStepExplained("evolve follows the transition table", step -> {
            if (!step.accepted()) {
                return Optional.empty();
            }
            Role role = step.command().actor().role();
            String eventType = step.events().get(0).type();
            if (step.command() instanceof Command.SubmitReturn) {
                List<Transition> rows = step.workflow().definition().rows(step.command().type(), null).stream()
                        .filter(r -> r.roles().contains(role)).toList();
                if (rows.isEmpty()) {
                    return Optional.of("a " + role + " submission was accepted but no row allows it");
                }
                for (Leg leg : step.after().orElseThrow().legs()) {
                    if (leg.state() != rows.get(0).to()) {
                        return Optional.of("a new leg starts in " + leg.state() + ", the table says " + rows.get(0).to());
                    }
                }
                return eventType.equals(rows.get(0).event()) ? Optional.empty()
                        : Optional.of("the submission recorded " + eventType + ", the table says " + rows.get(0).event());
            }
            Command.LegCommand command = (Command.LegCommand) step.command();
            ReturnCase was = step.before().orElseThrow();
            ReturnCase now = step.after().orElseThrow();
            Leg before = was.leg(command.leg()).orElse(null);
            Leg after = now.leg(command.leg()).orElse(null);
            if (before == null || after == null) {
                return Optional.of(command.type() + " was accepted for a leg the case does not have: " + command.leg());
            }
            Optional<Transition> row = step.workflow().definition().rows(command.type(), before.state()).stream()
                    .filter(r -> r.roles().contains(role) && r.condition().test(before)).findFirst();
            if (row.isEmpty()) {
                return Optional.of(command.type() + " by a " + role + " was accepted in " + before.state()
                        + " but no row of the table allows it");
            }
            if (after.state() != row.get().to()) {
                return Optional.of(command.type() + " moved leg " + command.leg() + " " + before.state() + " -> "
                        + after.state() + ", the table says -> " + row.get().to());
            }
            if (!eventType.equals(row.get().event())) {
                return Optional.of(command.type() + " recorded " + eventType + ", the table says " + row.get().event());
            }
            for (Leg other : was.legs()) {
                if (!other.supplier().equals(command.leg()) && !Optional.of(other).equals(now.leg(other.supplier()))) {
                    return Optional.of(command.type() + " on leg " + command.leg() + " also changed leg " + other.supplier());
                }
            }
            return Optional.empty();
        });
    }

    /**
     * decide is a pure function: deciding the same command on the same case at the same time again gives an
     * equal decision. Catches guards and policies that read a clock or keep state.
     *
     * @return the invariant
     */
    public static Invariant decideIsDeterministic() {
        return Invariant.onStepExplained("decide is deterministic", step -> {
            Decision again = step.workflow().decide(step.before(), step.command(), step.context());
            return again.equals(step.decision()) ? Optional.empty()
                    : Optional.of("deciding the same command again gave " + again + " instead of " + step.decision());
        });
    }

    /**
     * A leg gets a result (reported, told to the customer, disputed, confirmed) only after its own supplier
     * reported the inspection itself: the history holds a {@code ResultReported} event of that leg whose actor is
     * the leg's supplier and which no policy proposed. A leg settled by a partial refund the customer accepted
     * (协商部分退款) has nothing to inspect and is exempt. Catches policies that settle or confirm a return on the
     * supplier's behalf before the supplier said anything.
     *
     * @return the invariant
     */
    public static Invariant resultReportedBySupplierItself() {
        return Invariant.onStepExplained("a result is settled only after the supplier itself reported it", step -> {
            if (!step.accepted()) {
                return Optional.empty();
            }
            for (ReturnEvent event : step.events()) {
                if (!(event instanceof ReturnEvent.LegEvent legEvent)) {
                    continue;
                }
                Leg leg = step.after().orElseThrow().leg(legEvent.leg()).orElse(null);
                if (leg == null || !AFTER_RESULT.contains(leg.state()) || leg.money().partialRefund()) {
                    continue;
                }
                boolean reportedBySupplier = false;
                String impostor = null;
                for (RecordedEvent recorded : step.history()) {
                    if (recorded.event() instanceof ReturnEvent.ResultReported reported && reported.leg().equals(leg.supplier())) {
                        if (reported.actor().is(leg.supplier()) && recorded.policy() == null) {
                            reportedBySupplier = true;
                        } else {
                            impostor = recorded.policy() != null ? "policy '" + recorded.policy() + "' as "
                                    + reported.actor() : String.valueOf(reported.actor());
                        }
                    }
                }
                if (!reportedBySupplier) {
                    return Optional.of("leg " + leg.supplier() + " reached " + leg.state() + " but supplier "
                            + leg.supplier() + " never reported a result itself"
                            + (impostor == null ? "" : "; the result came from " + impostor));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A reference oracle for a custom guard: whenever a command of the given type reaches the guard, the guard
     * named {@code rule} refuses it exactly when the reference says it should. Commands refused earlier (by the
     * library's own checks or another rule) are not judged.
     *
     * @param rule the guard's name, as in its refusals
     * @param type the command type the guard looks at
     * @param shouldRefuse the reference: true when the command must be refused
     * @param <C> the command type
     * @return the invariant, named after the rule
     */
    public static <C extends Command> Invariant ruleAgreesWith(String rule, Class<C> type, Reference<C> shouldRefuse) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(shouldRefuse, "shouldRefuse");
        return Invariant.onStepExplained("rule '" + rule + "' agrees with its reference", step -> {
            if (!type.isInstance(step.command())) {
                return Optional.empty();
            }
            boolean refusedByRule = step.decision() instanceof Decision.Refused refused
                    && rule.equals(refused.refusal().rule());
            if (!step.accepted() && !refusedByRule) {
                return Optional.empty();
            }
            boolean expected = shouldRefuse.refuses(type.cast(step.command()), step.before(),
                    step.context());
            if (refusedByRule && !expected) {
                return Optional.of("'" + rule + "' refused at " + step.context().now() + " but the reference allows: "
                        + ((Decision.Refused) step.decision()).refusal().reason());
            }
            if (step.accepted() && expected) {
                return Optional.of("'" + rule + "' allowed at " + step.context().now() + " but the reference refuses");
            }
            return Optional.empty();
        });
    }

    /**
     * The reference behaviour of a guard, written as plainly as possible.
     *
     * @param <C> the command type
     */
    @FunctionalInterface
    public interface Reference<C extends Command> {
        /**
         * True when the command must be refused.
         *
         * @param command the command the guard sees
         * @param current the case before it, empty for a submission
         * @param context the time and settings of the decision
         * @return true when the command must be refused
         */
        boolean refuses(C command, Optional<ReturnCase> current, RuleContext context);
    }
}
