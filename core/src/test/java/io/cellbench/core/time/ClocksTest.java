package io.cellbench.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClocksTest {

    @Test
    void virtualClockJumpsForwardAndNeverBack() {
        VirtualClock clock = new VirtualClock(1000);
        clock.sleepUntil(1060);
        assertEquals(1060, clock.nowUnixSeconds());
        clock.sleepUntil(1000);
        assertEquals(1060, clock.nowUnixSeconds(), "sleeping until the past must not rewind");
        clock.advance(5);
        assertEquals(1065, clock.nowUnixSeconds());
    }

    @Test
    void scaledClockRunsFasterThanTheWall() throws InterruptedException {
        ScaledClock clock = new ScaledClock(0, 1000);
        long t0 = System.nanoTime();
        clock.sleepUntil(100); // 100 simulated seconds at 1000x = 0.1 s real
        double realSeconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(clock.nowUnixSeconds() >= 100);
        assertTrue(realSeconds >= 0.09, "slept " + realSeconds + " s, expected about 0.1 s");
    }

    @Test
    void pacedClockStepsExactlyAndWaitsForTheWall() throws InterruptedException {
        PacedClock clock = new PacedClock(500, 1000);
        long t0 = System.nanoTime();
        clock.sleepUntil(600); // 100 simulated seconds at 1000x = 0.1 s real
        double realSeconds = (System.nanoTime() - t0) * 1e-9;
        assertEquals(600, clock.nowUnixSeconds(), "time lands exactly where asked, never beyond");
        assertTrue(realSeconds >= 0.09, "slept " + realSeconds + " s, expected about 0.1 s");
        clock.sleepUntil(550);
        assertEquals(600, clock.nowUnixSeconds(), "no rewind");
    }

    @Test
    void scaledClockRejectsNonsenseSpeeds() {
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new PacedClock(0, -1));
    }

    @Test
    void systemClockIsNearTheWall() throws InterruptedException {
        SystemLabClock clock = new SystemLabClock();
        double now = clock.nowUnixSeconds();
        assertEquals(System.currentTimeMillis() / 1000.0, now, 1.0);
        clock.sleepUntil(now + 0.02);
        assertTrue(clock.nowUnixSeconds() >= now + 0.02);
    }
}
