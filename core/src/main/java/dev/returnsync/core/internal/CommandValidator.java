package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.command.CommandConstraints;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a command's Jakarta constraints. A command record with compiled rules ({@link CommandConstraints}) is
 * checked by them: no reflection, nothing allocated for a valid command. Any other is checked in full by Hibernate
 * Validator (cascade included), configured with the {@link ParameterMessageInterpolator} so that no Expression
 * Language implementation is needed, and built at its first use. Both give the same violations in the same words
 * and order. Thread-safe. Not API.
 */
public final class CommandValidator implements AutoCloseable {
    private static final Comparator<InvalidCommandException.Violation> ORDER =
            Comparator.comparing(InvalidCommandException.Violation::path)
                    .thenComparing(InvalidCommandException.Violation::message);

    private final Object lock = new Object();
    private volatile ValidatorFactory factory;
    private volatile Validator validator;
    private boolean closed;

    /**
     * Checks a command.
     *
     * @throws InvalidCommandException naming every bad field, sorted by path
     */
    public void validate(Command command) {
        List<InvalidCommandException.Violation> violations = CommandConstraints.compiledViolations(command);
        if (violations == null) {
            violations = fullCheck(command);
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(command.type(), violations);
        }
    }

    /**
     * The violations Hibernate Validator finds on a command, whatever its record: the reference the compiled rules
     * agree with.
     *
     * @return every bad field, sorted by path, then message; empty when there is none
     */
    public List<InvalidCommandException.Violation> fullCheck(Command command) {
        Set<ConstraintViolation<Command>> found = validator().validate(command);
        List<InvalidCommandException.Violation> list = new ArrayList<>(found.size());
        for (ConstraintViolation<Command> violation : found) {
            InvalidCommandException.Violation v = new InvalidCommandException.Violation(
                    violation.getPropertyPath().toString(), violation.getMessage());
            if (!list.contains(v)) {
                list.add(v);
            }
        }
        list.sort(ORDER);
        return list;
    }

    private Validator validator() {
        Validator built = validator;
        if (built != null) {
            return built;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the validator is closed");
            }
            if (validator == null) {
                factory = Validation.byProvider(HibernateValidator.class)
                        .configure()
                        .messageInterpolator(new ParameterMessageInterpolator())
                        .buildValidatorFactory();
                validator = factory.getValidator();
            }
            return validator;
        }
    }

    /** Releases Hibernate Validator, if it was built. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (factory != null) {
                factory.close();
            }
        }
    }
}
