package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.testkit.internal.Describe;
import java.util.Optional;

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

    static String state(Optional<ReturnCase> current) {
        return current.map(c -> "case " + Describe.caseDetail(c)).orElse("no case");
    }
}
