package dev.returnsync.supplier.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;

import static dev.returnsync.supplier.http.ReplayMemory.Claim.*;
import static org.junit.jupiter.api.Assertions.*;

/** Only applied callbacks are remembered as delivered; claims in flight and expiry. */
@Timeout(10)
class ReplayMemoryTest {
    private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
    private static final Instant UNTIL = NOW.plusSeconds(300);

    @Test
    void anAppliedIdIsDeliveredAReleasedOneIsClaimedAgain() {
        ReplayMemory memory = new ReplayMemory(10);
        assertEquals(CLAIMED, memory.claim("a", UNTIL, NOW));
        assertEquals(IN_FLIGHT, memory.claim("a", UNTIL, NOW), "the same id while it is being applied");
        memory.release("a");
        assertEquals(CLAIMED, memory.claim("a", UNTIL, NOW), "a refused callback is judged afresh");
        memory.applied("a", UNTIL);
        memory.release("a");
        assertEquals(DELIVERED, memory.claim("a", UNTIL, NOW), "release never forgets an applied id");
        assertEquals(CLAIMED, memory.claim("a", UNTIL, UNTIL.plusSeconds(2)), "forgotten after the window");
    }

    @Test
    void aFullMemoryRefusesRatherThanForgets() {
        ReplayMemory memory = new ReplayMemory(2);
        assertEquals(CLAIMED, memory.claim("a", UNTIL, NOW));
        assertEquals(CLAIMED, memory.claim("b", UNTIL, NOW));
        assertEquals(FULL, memory.claim("c", UNTIL, NOW));
        assertEquals(CLAIMED, memory.claim("c", UNTIL, UNTIL.plusSeconds(1)), "room again once the window passed");
    }
}
