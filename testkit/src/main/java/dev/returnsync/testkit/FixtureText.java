package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.testkit.internal.Describe;

/** The text of {@link WorkflowFixture}'s failure messages. */
final class FixtureText {
    private FixtureText() {
    }

    static String command(Command command) {
        return command.actor() + " " + Describe.command(command);
    }

    static String decision(Decision decision) {
        return Describe.decision(decision);
    }

    static String state(ReturnCase current) {
        return current == null ? "no case" : "case " + Describe.caseDetail(current);
    }
}
