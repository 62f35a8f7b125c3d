package io.cellbench.core.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The "disconnected, not measured" reading of a channel resting with its relay open. */
class ChannelReadingTest {

    @Test
    void nanVoltageWithZeroOrNanCurrentIsDisconnected() {
        assertTrue(new ChannelReading(Double.NaN, 0, Double.NaN).disconnected());
        assertTrue(new ChannelReading(Double.NaN, -0.0, 25).disconnected());
        assertTrue(new ChannelReading(Double.NaN, Double.NaN, Double.NaN).disconnected());
    }

    @Test
    void aMeasuredVoltageOrAFlowingCurrentIsNot() {
        assertFalse(new ChannelReading(3.7, 0, Double.NaN).disconnected());
        assertFalse(new ChannelReading(Double.NaN, 1e-3, Double.NaN).disconnected());
        assertFalse(new ChannelReading(3.7, Double.NaN, Double.NaN).disconnected());
    }
}
