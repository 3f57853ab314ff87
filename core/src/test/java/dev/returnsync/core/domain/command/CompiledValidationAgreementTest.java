package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import dev.returnsync.core.domain.command.Constraints.Rule;
import dev.returnsync.core.internal.CommandValidator;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.returnsync.core.domain.command.CommandBuildersTest.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's compiled check of a command ({@link CommandConstraints}, through {@link CommandValidator#validate})
 * finds exactly what Hibernate Validator finds with the cascade ({@link CommandValidator#fullCheck}): the same
 * paths, the same messages, in the same order, on every command record: valid, then with each constrained
 * component given each kind of bad value its type can take (missing, empty, blank, negative, one past its size),
 * and with every component bad at once.
 */
@Timeout(60)
class CompiledValidationAgreementTest {
    private static final CommandValidator VALIDATOR = new CommandValidator();
    private static final Evidence PHOTO = Evidence.of(EvidenceKind.PHOTO, "https://img.example/label.jpg");

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    @Test
    void compiledAndFullChecksAgreeOnEveryCommandWithEveryKindOfBadField() throws ReflectiveOperationException {
        int invalid = 0;
        for (Class<?> record : CompiledConstraintsTest.records()) {
            RecordComponent[] components = record.getRecordComponents();
            Object[] valid = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                valid[i] = validValue(components[i]);
            }
            assertTrue(agree(make(record, valid)).isEmpty(), record.getSimpleName() + " valid");
            List<Rule> rules = Constraints.rules(record);
            for (int i = 0; i < components.length; i++) {
                for (Object bad : badValues(components[i], rules.get(i))) {
                    Object[] values = valid.clone();
                    values[i] = bad;
                    Command command = makeOrNull(record, values);
                    if (command != null && !agree(command).isEmpty()) {
                        invalid++;
                    }
                }
            }
            for (boolean empty : new boolean[] {false, true}) {
                Command allBad = CompiledConstraintsTest.instance(record, empty);
                assertTrue(!agree(allBad).isEmpty(), record.getSimpleName() + " all bad");
            }
        }
        assertTrue(invalid > 100, invalid + " invalid commands compared");
    }

    /** Both checks on one command; returns what they found. */
    private static List<Violation> agree(Command command) {
        List<Violation> full = VALIDATOR.fullCheck(command);
        List<Violation> compiled = CommandConstraints.compiledViolations(command);
        assertNotNull(compiled, command.type() + " is compiled");
        assertEquals(full, compiled, command.toString());
        InvalidCommandException thrown = null;
        try {
            VALIDATOR.validate(command);
        } catch (InvalidCommandException e) {
            thrown = e;
        }
        if (full.isEmpty()) {
            assertEquals(null, thrown, command.type() + " valid");
        } else {
            assertNotNull(thrown, command.type() + " invalid");
            assertEquals(new InvalidCommandException(command.type(), full).getMessage(), thrown.getMessage());
            assertEquals(full, thrown.violations());
        }
        return full;
    }

    private static Command make(Class<?> record, Object[] values) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[values.length];
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        return (Command) constructor.newInstance(values);
    }

    /** The command, or null when its record refuses the values outright (a note with characters text may not hold). */
    private static Command makeOrNull(Class<?> record, Object[] values) throws ReflectiveOperationException {
        try {
            return make(record, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return null;
            }
            throw e;
        }
    }

    private static Object validValue(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            return List.of(validValue(element));
        }
        return validValue(type);
    }

    private static Object validValue(Class<?> type) {
        if (type == IdempotencyKey.class) {
            return KEY;
        } else if (type == Actor.class) {
            return SUPPLIER;
        } else if (type == Long.class || type == long.class) {
            return 3L;
        } else if (type == CaseId.class) {
            return CASE;
        } else if (type == CustomerId.class) {
            return CUSTOMER_ID;
        } else if (type == OrderId.class) {
            return ORDER;
        } else if (type == ReturnNumber.class) {
            return CUSTOMER_NUMBER;
        } else if (type == ReturnLine.class) {
            return LINE;
        } else if (type == Reason.class) {
            return REASON;
        } else if (type == Instant.class) {
            return DELIVERED;
        } else if (type == SupplierId.class) {
            return S1;
        } else if (type == LineQuantity.class) {
            return ONE;
        } else if (type == Money.class) {
            return FEE;
        } else if (type == Evidence.class) {
            return PHOTO;
        } else if (type == String.class) {
            return "a note";
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null; // optional values without a fixture (an external version): absent
    }

    /** Every kind of bad value a component's type can take, under its rules; some may be allowed. */
    private static List<Object> badValues(RecordComponent component, Rule rule) {
        Class<?> type = component.getType();
        List<Object> bad = new ArrayList<>();
        if (!type.isPrimitive()) {
            bad.add(null);
        }
        int max = rule.size() == null ? 0 : rule.size().max();
        if (type == String.class) {
            bad.addAll(List.of("", " ", "   ", "\u2003", "\n", "\u3000x", "x"));
            if (max > 0) {
                bad.add("x".repeat(max));
                bad.add("x".repeat(max + 1));
                bad.add(" ".repeat(max + 1));
                bad.add("\u2003".repeat(max + 1));
            }
        } else if (type == List.class) {
            Object element = ((List<?>) validValue(component)).get(0);
            bad.add(List.of());
            if (max > 0) {
                bad.add(Collections.nCopies(max, element));
                bad.add(Collections.nCopies(max + 1, element));
            }
        } else if (type == Long.class || type == long.class) {
            bad.addAll(List.of(-1L, 0L, Long.MIN_VALUE));
        }
        return bad;
    }
}
