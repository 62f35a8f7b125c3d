package io.cellbench.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.core.instrument.CyclerBank;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.Instrument;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.LabClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract of declared limits, for every cycler driver with a simulator of its vendor's
 * protocol: a command just outside each limit the channel declares is refused with an
 * InstrumentException and nothing reaches the wire; a command just inside is sent. So a
 * driver's {@code limits()} is what its channel enforces, and the one generic check
 * ({@link ChannelLimits#require}) is the only one (the idea of PyMeasure's test of all
 * instruments: every driver held to one contract).
 */
class DriverLimitsContractTest {
    /** How far outside or inside a limit, relative to it. */
    private static final double STEP = 1e-3;

    /** Commands just beyond each finite limit of {@code l}. */
    static List<ChannelCommand> justOutside(ChannelLimits l) {
        double maxA = l.maxCurrentAmpere();
        double mid = midVolt(l);
        double top = Double.isFinite(l.maxVolt()) ? l.maxVolt() : 4;
        List<ChannelCommand> out = new ArrayList<>();
        out.add(new ChannelCommand.Current(maxA * (1 + STEP), 0, top));
        out.add(new ChannelCommand.Current(-maxA * (1 + STEP), 0, top));
        out.add(new ChannelCommand.Voltage(mid, maxA * (1 + STEP)));
        if (Double.isFinite(l.maxVolt())) {
            out.add(new ChannelCommand.Voltage(l.maxVolt() + STEP, maxA / 2));
        }
        if (Double.isFinite(l.minVolt())) {
            out.add(new ChannelCommand.Voltage(l.minVolt() - STEP, maxA / 2));
        }
        if (l.minCvCurrentLimitAmpere() > 0) {
            out.add(new ChannelCommand.Voltage(mid, l.minCvCurrentLimitAmpere() * (1 - STEP)));
        }
        if (Double.isFinite(l.maxPowerWatt())) {
            out.add(new ChannelCommand.Power(l.maxPowerWatt() * (1 + STEP), 0.5 * top, top));
        }
        if (l.windowWithinVoltageRange()) {
            out.add(new ChannelCommand.Current(maxA / 2, 0.5 * top, top + STEP));
        }
        return out;
    }

    /** Commands just within each limit of {@code l}, each followed (by the caller) by an open circuit. */
    static List<ChannelCommand> justInside(ChannelLimits l) {
        double maxA = l.maxCurrentAmpere();
        double top = Double.isFinite(l.maxVolt()) ? l.maxVolt() : 4;
        List<ChannelCommand> in = new ArrayList<>();
        in.add(new ChannelCommand.Current(maxA * (1 - STEP), 0.5 * top, top));
        in.add(new ChannelCommand.Current(-maxA * (1 - STEP), 0.5 * top, top));
        in.add(new ChannelCommand.Voltage(top * (1 - STEP), maxA * (1 - STEP)));
        double cvLimit = Math.max(l.minCvCurrentLimitAmpere() * (1 + STEP), maxA / 1000);
        in.add(new ChannelCommand.Voltage(midVolt(l), cvLimit));
        double watt = Double.isFinite(l.maxPowerWatt()) ? l.maxPowerWatt() * (1 - STEP) : maxA;
        in.add(new ChannelCommand.Power(watt, 0.5 * top, top));
        return in;
    }

    private static double midVolt(ChannelLimits l) {
        return Double.isFinite(l.maxVolt()) ? (Math.max(0, l.minVolt()) + l.maxVolt()) / 2 : 3.7;
    }

    private static void holdsToItsLimits(CyclerChannel channel, Supplier<List<String>> wire) {
        ChannelLimits limits = channel.limits();
        for (ChannelCommand command : justOutside(limits)) {
            int before = wire.get().size();
            InstrumentException e = assertThrows(InstrumentException.class, () -> channel.apply(command),
                    () -> channel.name() + " accepted " + command.describe() + " outside " + limits);
            assertEquals(limits.refusal(command), e.getMessage().substring(e.getMessage().lastIndexOf("': ") + 3));
            assertEquals(before, wire.get().size(), command.describe() + ": refused, yet something reached the wire");
        }
        for (ChannelCommand command : justInside(limits)) {
            int before = wire.get().size();
            channel.apply(command);
            assertTrue(wire.get().size() > before, command.describe() + " within " + limits + " was not sent");
            channel.apply(new ChannelCommand.OpenCircuit());
        }
    }

    /** Opens through the factory, as a lab file does; the factory must declare what the channel enforces. */
    private static void holdsToItsLimits(String driver, java.util.Map<String, Object> settings, int channel,
                                         Supplier<List<String>> wire) throws Exception {
        DriverFactory factory = Drivers.named(driver);
        InstrumentConfig config = new InstrumentConfig(driver + "-1", driver, settings, "lab.yaml:3:3");
        try (Instrument opened = factory.open(config)) {
            CyclerChannel ch = opened instanceof CyclerBank bank ? bank.channel(channel) : (CyclerChannel) opened;
            assertEquals(factory.limits(config).channel(), ch.limits(), driver + ": declared before connecting vs enforced");
            holdsToItsLimits(ch, wire);
        }
    }

    @Test
    void everyCyclerDriverIsHeldToThisContract() {
        Set<String> cyclers = new TreeSet<>();
        Drivers.all().forEach((name, f) -> {
            if (f.capabilities().contains(DriverFactory.Capability.CYCLER_CHANNEL)) {
                cyclers.add(name);
            }
        });
        assertEquals(new TreeSet<>(Set.of("keithley-2450", "maccor-macnet")), cyclers,
                "a new cycler driver gets a case in this test, on its simulator");
    }

    @Test
    void keithley2450() throws Exception {
        try (Bench bench = new Bench(0.5)) {
            int port = bench.simulator.startTcp();
            // max_voltage within what the simulated bench's cell model sources (±10 V)
            holdsToItsLimits("keithley-2450", Map.of("transport", "tcp", "host", "127.0.0.1", "port",
                    Integer.toString(port), "timeout", "1 s", "max_current", "100 mA", "max_voltage", "5 V"), 1,
                    bench.simulator::received);
        }
    }

    @Test
    void maccor() throws Exception {
        SharedVirtualClock clock = new SharedVirtualClock(Bench.START);
        MacNetSimulator sim = new MacNetSimulator("maccor-sim", List.of(Bench.formedCoin(0.5)), List.<LabClock>of(clock),
                new MacNetSimulator.Options(Duration.ZERO, Duration.ZERO));
        try (sim) {
            sim.startTcp();
            Map<String, Object> settings = new LinkedHashMap<>(sim.labEntry());
            settings.remove("driver");
            settings.put("max_voltage", "4.5 V");
            settings.put("command_interval", "1 ms");
            holdsToItsLimits("maccor-macnet", settings, 1, sim::received);
        }
    }
}
