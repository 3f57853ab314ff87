package dev.returnsync.core.domain;

import java.util.Optional;

/** A guard on one command type that refuses, with an explained reason, when its condition holds. */
final class ConditionGuard<C extends Command> implements Guard {
    private final String name;
    private final Class<C> type;
    private final Condition<? super C> refuseWhen;
    private final Explanation<? super C> reason;

    ConditionGuard(String name, Class<C> type, Condition<? super C> refuseWhen, Explanation<? super C> reason) {
        this.name = name;
        this.type = type;
        this.refuseWhen = refuseWhen;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict check(Command command, Optional<ReturnCase> current, RuleContext context) {
        if (!type.isInstance(command)) {
            return Verdict.allow();
        }
        C typed = type.cast(command);
        return refuseWhen.test(typed, current, context)
                ? Verdict.refuse(name, reason.reason(typed, current, context)) : Verdict.allow();
    }

    @Override
    public String toString() {
        return "Guard[" + name + "]";
    }
}
