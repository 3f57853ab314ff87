package dev.returnsync.spi.supplier;

import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capabilities follow what an adapter implements; a declaration without its method is refused at registration. */
@Timeout(10)
class SupplierCapabilitiesTest {
    private static final SupplierId S1 = SupplierId.of("s1");

    /** Implements only the two calls every adapter has. */
    static class Basic implements SupplierAdapter {
        @Override
        public SupplierId supplier() {
            return S1;
        }

        @Override
        public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
            return SupplierReply.pending();
        }

        @Override
        public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
            return SupplierReply.done();
        }
    }

    /** Implements polling too. */
    static class Polling extends Basic {
        @Override
        public SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
            return SupplierReply.nothingNew();
        }
    }

    /** Declares polling it does not implement. */
    static class ClaimsPolling extends Basic {
        @Override
        public SupplierCapabilities capabilities() {
            return SupplierCapabilities.pullOnly();
        }
    }

    @Test
    void capabilitiesAreDerivedFromTheImplementedMethods() {
        SupplierCapabilities basic = new Basic().capabilities();
        assertEquals(SupplierCapabilities.implementedBy(new Basic()), basic);
        assertFalse(basic.pullPolling());
        assertFalse(basic.cancellation());
        SupplierCapabilities polling = new Polling().capabilities();
        assertTrue(polling.pullPolling());
        assertTrue(polling.isPullOnly());
    }

    @Test
    void anAdapterDeclaringPollingWithoutImplementingPollIsRefusedAtRegistration() {
        UnimplementedCapabilityException e = assertThrows(UnimplementedCapabilityException.class,
                () -> SupplierRegistry.of(new ClaimsPolling()));
        assertEquals(ClaimsPolling.class.getName(), e.adapter());
        assertEquals("poll", e.method());
        assertTrue(e.getMessage().contains("poll"), e.getMessage());
        assertTrue(e.getMessage().contains(ClaimsPolling.class.getName()), e.getMessage());
    }

    @Test
    void anAdapterDeclaringCancellationWithoutImplementingCancelIsRefusedAtRegistration() {
        SupplierAdapter adapter = new Polling() {
            @Override
            public SupplierCapabilities capabilities() {
                return SupplierCapabilities.replyOnly();
            }
        };
        UnimplementedCapabilityException e = assertThrows(UnimplementedCapabilityException.class,
                () -> SupplierRegistry.of(adapter));
        assertEquals("cancel", e.method());
    }

    @Test
    void anAdapterMayDeclareLessThanItImplements() {
        SupplierAdapter adapter = new Polling() {
            @Override
            public SupplierCapabilities capabilities() {
                return SupplierCapabilities.push().withCancellation(false);
            }
        };
        assertTrue(SupplierRegistry.of(adapter).find(S1).isPresent());
    }
}
