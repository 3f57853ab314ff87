package dev.returnsync.core.notify;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.notify.Recipient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The logging notifier writes one INFO line of ids, type and recipient role; the no-op notifier does nothing. */
class LoggingNotifierTest {
    private static final Notification TO_CUSTOMER = new Notification("6:shop-1/6:case-1/3/NOTIFY/CUSTOMER",
            TenantId.of("shop-1"), CaseId.of("case-1"), 3, SupplierId.of("sup-1"),
            new Recipient(Role.CUSTOMER, "zhang.wei@example.com"), NotificationType.values()[0], List.of(),
            Instant.parse("2026-11-03T08:00:00Z"), null);

    @Test
    void oneInfoLineWithIdsTypeAndRoleButNotTheRecipientsId() {
        Logger logger = mock(Logger.class);
        new LoggingNotifier(logger).deliver(TO_CUSTOMER);

        ArgumentCaptor<Object[]> args = ArgumentCaptor.forClass(Object[].class);
        verify(logger, times(1)).info(anyString(), args.capture());
        List<String> logged = Arrays.stream(args.getValue()).map(String::valueOf).toList();
        assertEquals(List.of(TO_CUSTOMER.id(), TO_CUSTOMER.type().name(), "CUSTOMER", "shop-1", "case-1", "3",
                "sup-1"), logged);
        assertFalse(logged.stream().anyMatch(a -> a.contains("zhang.wei")), "the recipient's id is not logged");
    }

    @Test
    void bothRefuseANullNotificationAndTheNoopNotifierIsOneInstance() {
        assertThrows(NullPointerException.class, () -> new LoggingNotifier().deliver(null));
        assertThrows(NullPointerException.class, () -> NoopNotifier.instance().deliver(null));
        assertThrows(NullPointerException.class, () -> new LoggingNotifier(null));
        NoopNotifier.instance().deliver(TO_CUSTOMER);
        assertTrue(NoopNotifier.instance() == NoopNotifier.instance());
    }
}
