package io.cellbench.core.instrument;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand.Current;
import io.cellbench.core.instrument.ChannelCommand.OpenCircuit;
import io.cellbench.core.instrument.ChannelCommand.Power;
import io.cellbench.core.instrument.ChannelCommand.Resistance;
import io.cellbench.core.instrument.ChannelCommand.Voltage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one check of a command against what a channel may be told, on the three kinds of channel
 * the drivers declare: a cycler that sources one polarity of voltage and ignores a voltage limit
 * beyond its range (a Maccor with 10 A and 5 V: 50 W), a bipolar SMU whose smallest CV current
 * limit is 1 nA and whose relay opens at rest (a Keithley 2450 set to 1.05 A and 21 V), and a
 * channel that declares only its current range.
 */
class ChannelLimitsTest {
    static final ChannelLimits CYCLER = new ChannelLimits(10, 0, 5, 50, 0, true, null, "max_current", "max_voltage");
    static final ChannelLimits SMU = new ChannelLimits(1.05, -21, 21, Double.POSITIVE_INFINITY, 1e-9, false,
            "rest: open-relay", "max_current", "max_voltage");
    static final ChannelLimits RANGE_ONLY = ChannelLimits.currentOnly(2);

    @Test
    void aCommandWithinTheLimitsMayBeSentInEitherDirection() {
        for (ChannelCommand ok : List.of(new OpenCircuit(), new Current(10, 2.5, 4.2), new Current(-10, 2.5, 4.2),
                new Current(0.001, 0, 5), new Voltage(4.2, 0.05), new Voltage(0, 10), new Power(50, 2.5, 4.2),
                new Power(-50, 2.5, 4.2), new Resistance(4.7))) {
            assertNull(CYCLER.refusal(ok), ok.describe());
        }
        assertNull(SMU.refusal(new Voltage(-21, 1e-9)), "an SMU sources negative voltages down to its range");
        assertNull(SMU.refusal(new Power(1e6, -1, 1)), "the SMU limits power only through current and voltage");
    }

    @Test
    void aCurrentBeyondTheRangeOrNotANumberIsRefusedNamingTheSetting() {
        assertEquals("current 10.5 A is outside ±10.0 A (max_current)", CYCLER.refusal(new Current(10.5, 2.5, 4.2)));
        assertEquals("current -10.5 A is outside ±10.0 A (max_current)", CYCLER.refusal(new Current(-10.5, 2.5, 4.2)));
        assertEquals("current NaN A is outside ±10.0 A (max_current)", CYCLER.refusal(new Current(Double.NaN, 2.5, 4.2)));
        assertEquals("current Infinity A is outside ±2.0 A (the channel's range)",
                RANGE_ONLY.refusal(new Current(Double.POSITIVE_INFINITY, 2.5, 4.2)));
    }

    @Test
    void aVoltageWindowMustBeFiniteAndOrderedAndForACyclerWithinItsRange() {
        assertEquals("voltage window 4.2 .. 2.5 V must be finite with min < max", CYCLER.refusal(new Current(1, 4.2, 2.5)));
        assertEquals("voltage window 3.0 .. 3.0 V must be finite with min < max", RANGE_ONLY.refusal(new Current(1, 3, 3)));
        assertEquals("voltage window -Infinity .. 4.2 V must be finite with min < max",
                RANGE_ONLY.refusal(new Current(1, Double.NEGATIVE_INFINITY, 4.2)));
        assertEquals("voltage window 2.5 .. NaN V must be finite with min < max",
                CYCLER.refusal(new Power(5, 2.5, Double.NaN)));
        // the cycler would ignore the 5.5 V limit and charge on past it
        assertEquals("voltage window ends at 5.5 V, above 5.0 V (max_voltage)", CYCLER.refusal(new Current(1, 2.5, 5.5)));
        assertEquals("voltage window ends at 5.5 V, above 5.0 V (max_voltage)", CYCLER.refusal(new Power(5, 2.5, 5.5)));
        assertNull(SMU.refusal(new Current(1, 2.5, 25)), "an SMU enforces a window beyond its range itself");
    }

    @Test
    void aCvSetPointOutsideTheRangeIsRefusedAsRangeOrAsBounds() {
        assertEquals("voltage 5.1 V is outside 0.0..5.0 V (max_voltage)", CYCLER.refusal(new Voltage(5.1, 1)));
        assertEquals("voltage -0.1 V is outside 0.0..5.0 V (max_voltage)", CYCLER.refusal(new Voltage(-0.1, 1)));
        assertEquals("voltage -21.5 V is outside ±21.0 V (max_voltage)", SMU.refusal(new Voltage(-21.5, 1)));
        assertEquals("voltage NaN V is outside ±Infinity V (the channel's range)",
                RANGE_ONLY.refusal(new Voltage(Double.NaN, 1)));
    }

    @Test
    void aCvCurrentLimitMustBePositiveWithinTheRangeAndAtLeastTheSmallestTheChannelHas() {
        for (double limit : new double[] {0, -1, Double.NaN, 10.5}) {
            assertEquals("current limit " + limit + " A must be > 0 and at most 10.0 A (max_current)",
                    CYCLER.refusal(new Voltage(4.2, limit)));
        }
        assertEquals("current limit 1.0E-10 A must be between 1.0E-9 A and 1.05 A (max_current)",
                SMU.refusal(new Voltage(4.2, 1e-10)));
        assertEquals("current limit 1.1 A must be between 1.0E-9 A and 1.05 A (max_current)",
                SMU.refusal(new Voltage(4.2, 1.1)));
    }

    @Test
    void aPowerMustBeNonZeroAndWithinWhatTheCurrentAndVoltageSettingsAllow() {
        assertEquals("power must be a non-zero number of watts, got 0.0", CYCLER.refusal(new Power(0, 2.5, 4.2)));
        assertEquals("power must be a non-zero number of watts, got NaN", SMU.refusal(new Power(Double.NaN, 2.5, 4.2)));
        // 10 A × 5 V = 50 W: more would be ignored and the channel would source its full current
        assertEquals("power -50.5 W is outside ±50.0 W (max_current × max_voltage)",
                CYCLER.refusal(new Power(-50.5, 2.5, 4.2)));
        ChannelLimits fixedVoltage = new ChannelLimits(10, 0, 5, 50, 0, false, null, "max_current", null);
        assertEquals("power 51.0 W is outside ±50.0 W (the channel's range)", fixedVoltage.refusal(new Power(51, 2.5, 4.2)));
    }

    @Test
    void aLoadMustBeAFinitePositiveResistance() {
        for (double ohm : new double[] {0, -4.7, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("load resistance must be > 0 Ω, got " + ohm, RANGE_ONLY.refusal(new Resistance(ohm)));
        }
    }

    @Test
    void requireThrowsTheRefusalAsTheChannelsNamingTheCommand() {
        InstrumentException e = assertThrows(InstrumentException.class,
                () -> CYCLER.require("maccor-1/ch3", new Current(12, 2.5, 4.2)));
        assertEquals("maccor-1/ch3", e.instrument());
        assertEquals("CC 12.0 A within 2.5..4.2 V", e.command());
        assertEquals("maccor-1/ch3: 'CC 12.0 A within 2.5..4.2 V': current 12.0 A is outside ±10.0 A (max_current)",
                e.getMessage());
        assertFalse(e.retryLater(), "a refused command is refused again: never retried");
        assertDoesNotThrow(() -> CYCLER.require("maccor-1/ch3", new Current(1, 2.5, 4.2)));
    }

    @Test
    void onlyAChannelWithoutARestSettingMeasuresAtRest() {
        assertTrue(CYCLER.measuresAtRest());
        assertTrue(RANGE_ONLY.measuresAtRest());
        assertFalse(SMU.measuresAtRest());
    }

    @Test
    void limitsThatCouldRefuseNothingOrEverythingAreThemselvesRefused() {
        for (double[] bad : new double[][] {{0, 0, 5, 50, 0}, {Double.NaN, 0, 5, 50, 0}, {10, 5, 5, 50, 0},
                {10, 0, Double.NaN, 50, 0}, {10, 0, 5, 0, 0}, {10, 0, 5, Double.NaN, 0}, {10, 0, 5, 50, -1e-9}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ChannelLimits(bad[0], bad[1], bad[2], bad[3], bad[4], false, null, null, null));
            assertTrue(e.getMessage().startsWith("channel limits need max current > 0"), e.getMessage());
        }
    }
}
