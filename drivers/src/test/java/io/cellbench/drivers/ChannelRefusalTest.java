package io.cellbench.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.keithley.Keithley2450Factory;
import io.cellbench.drivers.keithley.Keithley2450Settings;
import io.cellbench.drivers.maccor.MaccorBank;
import io.cellbench.drivers.maccor.MaccorSettings;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each cycler channel answers, word for word, to a command outside what it may be told:
 * the Keithley 2450 (±max_voltage, a CV current limit of at least 1 nA), the Maccor (0 ..
 * max_voltage, a voltage window within it, a power within max_current × max_voltage) and the
 * simulated channel (its fixed ±10 V and current range). Pinned before the per-driver checks
 * became one check of declared limits (issue 12); since then every channel words a refusal the
 * same way ({@link io.cellbench.core.instrument.ChannelLimits}), naming in parentheses what sets
 * the limit: the lab file's setting, or the channel's own range.
 */
class ChannelRefusalTest {

    private static void refused(CyclerChannel channel, ChannelCommand command, String expected) {
        InstrumentException e = assertThrows(InstrumentException.class, () -> channel.apply(command), command::describe);
        assertEquals(channel.name() + ": '" + command.describe() + "': " + expected, e.getMessage());
    }

    @Test
    void keithley2450() throws Exception {
        try (Bench bench = new Bench(0.5)) {
            int port = bench.simulator.startTcp();
            try (var smu = Keithley2450Factory.open("smu1", Keithley2450Settings.tcp("127.0.0.1", port))) {
                // max_current 1.05 A, max_voltage 21 V (the defaults)
                refused(smu, new ChannelCommand.Current(1.2, 0, 4), "current 1.2 A is outside ±1.05 A (max_current)");
                refused(smu, new ChannelCommand.Current(-1.2, 0, 4), "current -1.2 A is outside ±1.05 A (max_current)");
                refused(smu, new ChannelCommand.Current(Double.NaN, 0, 4), "current NaN A is outside ±1.05 A (max_current)");
                refused(smu, new ChannelCommand.Current(0.001, 4, 3),
                        "voltage window 4.0 .. 3.0 V must be finite with min < max");
                refused(smu, new ChannelCommand.Current(0.001, 0, Double.POSITIVE_INFINITY),
                        "voltage window 0.0 .. Infinity V must be finite with min < max");
                refused(smu, new ChannelCommand.Voltage(22, 0.01), "voltage 22.0 V is outside ±21.0 V (max_voltage)");
                refused(smu, new ChannelCommand.Voltage(-22, 0.01), "voltage -22.0 V is outside ±21.0 V (max_voltage)");
                refused(smu, new ChannelCommand.Voltage(3.5, 1e-10),
                        "current limit 1.0E-10 A must be between 1.0E-9 A and 1.05 A (max_current)");
                refused(smu, new ChannelCommand.Voltage(3.5, 2),
                        "current limit 2.0 A must be between 1.0E-9 A and 1.05 A (max_current)");
                refused(smu, new ChannelCommand.Power(0, 2, 4), "power must be a non-zero number of watts, got 0.0");
                refused(smu, new ChannelCommand.Power(Double.NaN, 2, 4), "power must be a non-zero number of watts, got NaN");
                refused(smu, new ChannelCommand.Power(0.01, 4, 2), "voltage window 4.0 .. 2.0 V must be finite with min < max");
                refused(smu, new ChannelCommand.Resistance(0), "load resistance must be > 0 Ω, got 0.0");
                refused(smu, new ChannelCommand.Resistance(Double.POSITIVE_INFINITY),
                        "load resistance must be > 0 Ω, got Infinity");
            }
        }
    }

    @Test
    void maccor() throws Exception {
        SharedVirtualClock clock = new SharedVirtualClock(Bench.START);
        MacNetSimulator sim = new MacNetSimulator("maccor-sim", List.of(Bench.formedCoin(0.5)), List.<LabClock>of(clock),
                new MacNetSimulator.Options(Duration.ZERO, Duration.ZERO));
        try (sim) {
            MaccorSettings settings = MaccorSettings.tcp("127.0.0.1", sim.startTcp())
                    .withPacing(Duration.ofMinutes(10), Duration.ofMillis(1))
                    .withTimeout(Duration.ofMillis(500), 1)
                    .withLimits(0.02, 4.5, 0.06);
            try (MaccorBank bank = MaccorBank.open("maccor-1", settings)) {
                CyclerChannel ch = bank.channel(1);
                refused(ch, new ChannelCommand.Current(0.03, 0, 4), "current 0.03 A is outside ±0.02 A (max_current)");
                refused(ch, new ChannelCommand.Current(-0.03, 0, 4), "current -0.03 A is outside ±0.02 A (max_current)");
                refused(ch, new ChannelCommand.Current(0.01, 4, 3), "voltage window 4.0 .. 3.0 V must be finite with min < max");
                refused(ch, new ChannelCommand.Current(0.01, 2, 4.6), "voltage window ends at 4.6 V, above 4.5 V (max_voltage)");
                refused(ch, new ChannelCommand.Voltage(4.6, 0.01), "voltage 4.6 V is outside 0.0..4.5 V (max_voltage)");
                refused(ch, new ChannelCommand.Voltage(-0.1, 0.01), "voltage -0.1 V is outside 0.0..4.5 V (max_voltage)");
                refused(ch, new ChannelCommand.Voltage(3.5, 0),
                        "current limit 0.0 A must be > 0 and at most 0.02 A (max_current)");
                refused(ch, new ChannelCommand.Voltage(3.5, 0.03),
                        "current limit 0.03 A must be > 0 and at most 0.02 A (max_current)");
                refused(ch, new ChannelCommand.Power(0, 2, 4), "power must be a non-zero number of watts, got 0.0");
                refused(ch, new ChannelCommand.Power(0.1, 2, 4),
                        "power 0.1 W is outside ±0.09 W (max_current × max_voltage)");
                refused(ch, new ChannelCommand.Power(-0.1, 2, 4),
                        "power -0.1 W is outside ±0.09 W (max_current × max_voltage)");
                refused(ch, new ChannelCommand.Power(0.05, 2, 4.6), "voltage window ends at 4.6 V, above 4.5 V (max_voltage)");
                refused(ch, new ChannelCommand.Resistance(-5), "load resistance must be > 0 Ω, got -5.0");
            }
        }
    }

    @Test
    void simulatedChannel() {
        VirtualClock clock = new VirtualClock(Bench.START);
        try (var ch = new SimulatedCyclerChannel("sim-1", Bench.formedCoin(0.5), clock, 0.02)) {
            refused(ch, new ChannelCommand.Current(0.03, 0, 4), "current 0.03 A is outside ±0.02 A (the channel's range)");
            refused(ch, new ChannelCommand.Current(Double.NaN, 0, 4), "current NaN A is outside ±0.02 A (the channel's range)");
            refused(ch, new ChannelCommand.Current(0.01, 4, 3), "voltage window 4.0 .. 3.0 V must be finite with min < max");
            refused(ch, new ChannelCommand.Voltage(11, 0.01), "voltage 11.0 V is outside ±10.0 V (the channel's range)");
            refused(ch, new ChannelCommand.Voltage(-11, 0.01), "voltage -11.0 V is outside ±10.0 V (the channel's range)");
            refused(ch, new ChannelCommand.Voltage(3.5, 0),
                    "current limit 0.0 A must be > 0 and at most 0.02 A (the channel's range)");
            refused(ch, new ChannelCommand.Voltage(3.5, 0.03),
                    "current limit 0.03 A must be > 0 and at most 0.02 A (the channel's range)");
            refused(ch, new ChannelCommand.Power(0.3, 2, 4), "power 0.3 W is outside ±0.2 W (the channel's range)");
            refused(ch, new ChannelCommand.Power(0.1, 4, 2), "voltage window 4.0 .. 2.0 V must be finite with min < max");
            refused(ch, new ChannelCommand.Power(0, 2, 4), "power must be a non-zero number of watts, got 0.0");
            refused(ch, new ChannelCommand.Resistance(0), "load resistance must be > 0 Ω, got 0.0");
        }
    }
}
