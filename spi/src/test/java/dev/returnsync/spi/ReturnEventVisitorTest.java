package dev.returnsync.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every event type dispatches to the visitor method named after it, and the visitor has no other method. */
@Timeout(10)
class ReturnEventVisitorTest {
    /** A visitor that answers which of its methods was called, and with what. */
    @SuppressWarnings("unchecked")
    private static ReturnEvent.Visitor<String> naming() {
        return (ReturnEvent.Visitor<String>) Proxy.newProxyInstance(ReturnEvent.Visitor.class.getClassLoader(),
                new Class<?>[] {ReturnEvent.Visitor.class},
                (proxy, method, args) -> method.getName() + "(" + args[0].getClass().getSimpleName() + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.returnsync.spi.EventTypes#all")
    void each_event_type_calls_the_visitor_method_named_after_it(Class<?> type) {
        ReturnEvent event = (ReturnEvent) instantiate(type);
        String name = type.getSimpleName();
        String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);

        assertEquals(method + "(" + name + ")", event.accept(naming()));
    }

    @Test
    void the_visitor_has_one_abstract_method_per_event_type_and_no_other() {
        Set<String> types = EventTypes.all().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> handled = new TreeSet<>();
        for (Method method : ReturnEvent.Visitor.class.getDeclaredMethods()) {
            assertTrue(Modifier.isAbstract(method.getModifiers()), method + " must not have a default");
            assertEquals(1, method.getParameterCount(), method.toString());
            handled.add(method.getParameterTypes()[0].getName());
        }
        assertEquals(types, handled);
        assertEquals(types.size(), ReturnEvent.Visitor.class.getDeclaredMethods().length);
    }

    private static Object instantiate(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sample(components[i]);
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static Object sample(RecordComponent component) {
        TenantId tenant = TenantId.of("t-1");
        SupplierId supplier = SupplierId.of("s-1");
        Class<?> type = component.getType();
        if (type == Instant.class) {
            return Instant.parse("2026-03-01T10:00:00Z");
        } else if (type == Actor.class) {
            return Actor.reseller(tenant, "r-1");
        } else if (type == CaseId.class) {
            return CaseId.of("case-1");
        } else if (type == CustomerId.class) {
            return CustomerId.of("c-1");
        } else if (type == OrderId.class) {
            return OrderId.of("o-1");
        } else if (type == SupplierId.class) {
            return supplier;
        } else if (type == ReturnNumber.class) {
            return ReturnNumber.supplierReturn(supplier, "n-1");
        } else if (type == Reason.class) {
            return new Reason(ReasonCode.QUALITY_ISSUE, "broken", List.of());
        } else if (type == Money.class) {
            return Money.of("CNY", "1.00");
        } else if (type == ReturnShipping.class) {
            return new ReturnShipping(Money.of("CNY", "12.00"), FeeBearer.SUPPLIER, null);
        } else if (type == Settlement.class) {
            return Settlement.zero(java.util.Currency.getInstance("CNY"));
        } else if (type == int.class) {
            return 2; // a round: offers count from 1, re-applications from 2
        } else if (type == String.class) {
            return "note";
        } else if (type == ExternalVersion.class) {
            return ExternalVersion.of("taobao", 1);
        } else if (type == boolean.class) {
            return false;
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == List.class) {
            Object element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            if (element == Evidence.class) {
                return List.of(Evidence.of(EvidenceKind.PHOTO, "photo-1"));
            }
            return element == ReturnLine.class
                    ? List.of(new ReturnLine(Sku.of("sku-1"), supplier, 1, 1, Money.of("CNY", "1.00")))
                    : List.of(LineQuantity.of("sku-1", 1));
        }
        fail("no sample value for component " + component.getName() + " of " + component.getDeclaringRecord());
        return null;
    }
}
