package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettlingTest {

    @Test
    void pressureToleranceIsThreePercentOrAPointOneMegapascalWhicheverIsLarger() {
        assertEquals(0.3e6, new Settling(Settling.PRESSURE, 10e6).tolerance(), 1e-6);
        assertEquals(0.1e6, new Settling(Settling.PRESSURE, 1e6).tolerance(), 1e-6);
        assertEquals(0.5, new Settling(Settling.TEMPERATURE, 60).tolerance());
    }

    @Test
    void needsThreeReadsSpanningThirtySeconds() {
        Settling s = new Settling(Settling.PRESSURE, 10e6);
        assertFalse(s.offer(10.1e6, 0));
        assertFalse(s.offer(9.8e6, 5));
        assertFalse(s.offer(10.0e6, 25));
        assertTrue(s.offer(10.2e6, 30));
        Settling two = new Settling(Settling.PRESSURE, 10e6);
        assertFalse(two.offer(10e6, 0));
        assertFalse(two.offer(10e6, 40)); // 40 s, but only two reads
        assertTrue(two.offer(10e6, 45));
    }

    @Test
    void aReadOutsideTheBandStartsAgain() {
        Settling s = new Settling(Settling.PRESSURE, 10e6);
        s.offer(10e6, 0);
        s.offer(10e6, 20);
        assertFalse(s.offer(9.6e6, 25)); // 0.4 MPa off
        assertFalse(s.offer(10e6, 30));
        assertFalse(s.offer(10e6, 40));
        assertFalse(s.offer(10e6, 55));
        assertTrue(s.offer(10e6, 60));
    }

    @Test
    void temperatureMustStayInBandTenMinutes() {
        Settling s = new Settling(Settling.TEMPERATURE, 45);
        assertFalse(s.offer(44.6, 0));
        assertFalse(s.offer(45.4, 599));
        assertTrue(s.offer(45.0, 600));
    }

    @Test
    void messagesNameTheQuantityTargetAndLastRead() {
        Settling s = new Settling(Settling.TEMPERATURE, 45);
        assertEquals("temperature 45 °C reached", s.reached());
        assertEquals("the temperature did not settle at 45 °C ± 0.5 °C within 240 min (last read none)", s.timedOut());
        s.offer(30, 0);
        assertEquals("the temperature did not settle at 45 °C ± 0.5 °C within 240 min (last read 30 °C)", s.timedOut());
    }
}
