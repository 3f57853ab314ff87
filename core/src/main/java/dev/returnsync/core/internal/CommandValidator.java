package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
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
 * Checks a command's Jakarta constraints with Hibernate Validator, configured with the
 * {@link ParameterMessageInterpolator} so that no Expression Language implementation is needed. Not API.
 */
public final class CommandValidator implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Validator validator;

    /** Builds the validator factory once; validators are thread-safe. */
    public CommandValidator() {
        this.factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * Checks a command.
     *
     * @throws InvalidCommandException naming every bad field, sorted by path
     */
    public void validate(Command command) {
        Set<ConstraintViolation<Command>> violations = validator.validate(command);
        if (violations.isEmpty()) {
            return;
        }
        List<InvalidCommandException.Violation> list = new ArrayList<>(violations.size());
        for (ConstraintViolation<Command> violation : violations) {
            InvalidCommandException.Violation v = new InvalidCommandException.Violation(
                    violation.getPropertyPath().toString(), violation.getMessage());
            if (!list.contains(v)) {
                list.add(v);
            }
        }
        list.sort(Comparator.comparing(InvalidCommandException.Violation::path)
                .thenComparing(InvalidCommandException.Violation::message));
        throw new InvalidCommandException(command.type(), list);
    }

    @Override
    public void close() {
        factory.close();
    }
}
