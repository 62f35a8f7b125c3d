package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.keithley.Keithley2450Channel;
import io.cellbench.drivers.keithley.Keithley2450Factory;
import io.cellbench.drivers.keithley.Keithley2450Settings;
import io.cellbench.drivers.keithley.RestMode;
import io.cellbench.drivers.maccor.MaccorBank;
import io.cellbench.drivers.maccor.MaccorSettings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import io.cellbench.protocols.ProtocolLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 §1: charge and energy at a step edge. A pulse of 1C must record I·t, however short,
 * on the in-process simulator, through the Keithley 2450 and Maccor MacNet drivers over TCP to
 * their simulators, and on a channel whose first reading after a command is from before it.
 * Before the fix the first interval of every step was a ramp from the reading taken before the
 * command had acted (0 A after a rest), so a step lost ½ · sample period · |I|: a 2 s pulse
 * recorded 75 % of I·t.
 *
 * <p>The truth is the simulated cell itself: its current is the set-point exactly (no voltage
 * limit is near), and its energy is ∫V·I dt over a copy of the cell integrated in 0.1 ms steps.
 * The tolerance is the 0.1 %; the channels' current noise is 2·10⁻⁵ of their range
 * (in-process 10·1C, the 2450 here on its 10 mA range: 0.2 µA, MacNet's 20 mA range: 0.4 µA),
 * at most 0.02 % of 1C per reading, and the voltage's trapezoid over 1 s samples of a diffusion
 * transient ≈ 0.04 % for 1 s. Each run prints its figures ("step-edge …").
 */
@Timeout(120) // a hang guard
class StepEdgeChargeTest {
    private static final double T0 = 1_700_000_000;
    private static final double TOLERANCE = 1e-3;
    private static final double MIN_VOLT = 1.8;
    private static final double MAX_VOLT = 3.8;
    private static final double PERIOD = 1;
    /** The simulated channels' current noise, as a fraction of their range ({@code SimulatedCyclerChannel}). */
    private static final double CURRENT_NOISE_OF_RANGE = 2e-5;
    /** The 2450's fixed range here: it holds 2C of this 2 mAh cell. */
    private static final double KEITHLEY_RANGE = 0.01;
    /** The MacNet simulator's channel range 4. */
    private static final double MACCOR_RANGE = 0.02;

    /**
     * The channel kinds. {@code STALE_STATUS}: a channel whose status still shows the last
     * measurement right after a command, as a cycler that reports its own periodic measurements
     * may; the set-point of a current step is known exactly, so the charge must not depend on it.
     */
    enum Kind { IN_PROCESS, KEITHLEY_TCP, MACCOR_TCP, STALE_STATUS }

    /** What one run gives: its steps' recorded last samples, and the truth of each step. */
    private record Result(List<Sample> stepEnds, List<Truth> truth) {
        double trueWh(int step) {
            return truth.get(step).wh();
        }

        /**
         * How far a first interval's energy may be off when the reading after the command is
         * from before it: its power is then a rectangle at its sample, which is off by at most
         * the voltage's change over that interval times I·period.
         */
        double rectangleWh(int step, double ampere) {
            return Math.abs(truth.get(step).firstIntervalRiseVolt() * ampere) * PERIOD / 3600;
        }
    }

    /** A step's energy throughput, ∫|V·I| dt, and its voltage's change from the settled step to the first sample. */
    private record Truth(double wh, double firstIntervalRiseVolt) {
    }

    private static String protocol(String steps) {
        return """
                name: step edges
                limits:
                  voltage: [1.8 V, 3.8 V]
                  current: [-10 mA, 10 mA]
                logging:
                  period: 60 s
                  sample_period: 1 s
                steps:
                """ + steps;
    }

    static Stream<Arguments> pulses() {
        return Stream.of(Kind.values()).flatMap(k -> DoubleStream.of(1, 2, 10).mapToObj(t -> Arguments.of(k, t)));
    }

    @ParameterizedTest(name = "{0}: {1} s at 1C")
    @MethodSource("pulses")
    void aPulseAtOneCRecordsItTimesT(Kind kind, double seconds) throws Exception {
        Result r = run(kind, pulseSteps(seconds), new ChannelCommand[] {rest(), oneC(1), rest()},
                new double[] {10, seconds, 10});
        double expectedAh = oneCAmpere() * seconds / 3600;
        Sample pulse = r.stepEnds().get(1);
        double expectedWh = r.trueWh(1);
        report(kind, "pulse " + seconds + " s", pulse.stepCapacityAh(), expectedAh, pulse.stepEnergyWh(), expectedWh);
        assertEquals(expectedAh, pulse.stepCapacityAh(), TOLERANCE * expectedAh, "charge of the pulse: " + pulse);
        assertEquals(expectedAh, pulse.chargingCapacityAh() - r.stepEnds().get(0).chargingCapacityAh(),
                TOLERANCE * expectedAh, "charging capacity: " + pulse);
        // a status from before the command: the first interval's power is a rectangle (see Result)
        double lagging = kind == Kind.STALE_STATUS ? r.rectangleWh(1, oneCAmpere()) : 0;
        assertEquals(expectedWh, pulse.stepEnergyWh(), TOLERANCE * expectedWh + lagging, "energy of the pulse: " + pulse);
        assertRestsAddOnlyNoise(kind, r, 0, 2);
    }

    /**
     * A rest adds nothing but its readings' noise: nothing on open circuit, and on the 2450's
     * zero-current rest at most 4 σ of its current noise for the rest's time.
     */
    private static void assertRestsAddOnlyNoise(Kind kind, Result r, int... steps) {
        double range = switch (kind) {
            case KEITHLEY_TCP -> KEITHLEY_RANGE;
            case MACCOR_TCP -> MACCOR_RANGE; // MacNet cannot set a rest: the driver rests at 0 A
            default -> 0;
        };
        double bound = 4 * CURRENT_NOISE_OF_RANGE * range * 10 / 3600;
        for (int i : steps) {
            Sample s = r.stepEnds().get(i);
            assertTrue(s.stepCapacityAh() <= bound, "rest " + (i + 1) + " adds only noise (≤ " + bound + " Ah): " + s);
        }
    }

    /** Rest → 1C charge → C/2 discharge → rest: each edge, including one current to another of opposite sign. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"IN_PROCESS", "KEITHLEY_TCP", "MACCOR_TCP", "STALE_STATUS"})
    void aCurrentFollowedByAnotherRecordsEachStepsItTimesT(Kind kind) throws Exception {
        Result r = run(kind, """
                          - Rest for 10 s
                          - Charge at 1C for 2 s
                          - Discharge at C/2 for 3 s
                          - Charge at 2C for 1 s
                          - Rest for 10 s
                        """,
                new ChannelCommand[] {rest(), oneC(1), oneC(-0.5), oneC(2), rest()},
                new double[] {10, 2, 3, 1, 10});
        double a = oneCAmpere();
        double[] expectedAh = {0, a * 2 / 3600, a / 2 * 3 / 3600, 2 * a / 3600, 0};
        double[] ampere = {0, a, -a / 2, 2 * a, 0};
        // a status from before the command: the first interval's power is a rectangle (see Result)
        boolean lags = kind == Kind.STALE_STATUS;
        for (int i = 1; i <= 3; i++) {
            Sample s = r.stepEnds().get(i);
            report(kind, "step " + (i + 1), s.stepCapacityAh(), expectedAh[i], s.stepEnergyWh(), r.trueWh(i));
            assertEquals(expectedAh[i], s.stepCapacityAh(), TOLERANCE * expectedAh[i], "step " + (i + 1) + ": " + s);
            assertEquals(r.trueWh(i), s.stepEnergyWh(),
                    TOLERANCE * r.trueWh(i) + (lags ? r.rectangleWh(i, ampere[i]) : 0),
                    "energy of step " + (i + 1) + ": " + s);
        }
        assertRestsAddOnlyNoise(kind, r, 0, 4);
        // the charge after the discharge began cycle 2, which counts its charging afresh
        Sample end = r.stepEnds().get(3);
        assertEquals(expectedAh[3], end.chargingCapacityAh(), TOLERANCE * expectedAh[3], "charging: " + end);
        double net = expectedAh[1] - expectedAh[2] + expectedAh[3];
        assertEquals(net, end.netCapacityAh(), TOLERANCE * (expectedAh[1] + expectedAh[2] + expectedAh[3]),
                "net charge: " + end);
    }

    private static String pulseSteps(double seconds) {
        return String.format(Locale.ROOT, """
                  - Rest for 10 s
                  - Charge at 1C for %s s
                  - Rest for 10 s
                """, seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds));
    }

    private static ChannelCommand rest() {
        return new ChannelCommand.OpenCircuit();
    }

    /** {@code cRate} · 1C, positive charging. */
    private static ChannelCommand oneC(double cRate) {
        return new ChannelCommand.Current(cRate * oneCAmpere(), MIN_VOLT, MAX_VOLT);
    }

    static CellParameters parameters() {
        return CellParameters.coin().withVariation(1);
    }

    static double oneCAmpere() {
        return info().nominalCapacityAh();
    }

    static CellInfo info() {
        return parameters().toCellInfo("C1");
    }

    /** The simulated coin cell, formed, at half charge (also {@link SlowLinkChargeTest}'s). */
    static SimulatedCell freshCell() {
        SimulatedCell cell = new SimulatedCell(parameters());
        cell.completeFormation();
        cell.restAt(0.5);
        return cell;
    }

    /**
     * Runs {@code steps} on a cell at half charge and returns the last recorded sample of each
     * step, and each step's true energy from a copy of the cell driven by {@code truth} for
     * {@code seconds}.
     */
    private static Result run(Kind kind, String steps, ChannelCommand[] truth, double[] seconds) throws Exception {
        SimulatedCell cell = freshCell();
        List<Truth> trueWh = truth(freshCell(), truth, seconds);
        SharedVirtualClock clock = new SharedVirtualClock(T0);
        RecordingListener events = new RecordingListener();
        Outcome outcome;
        switch (kind) {
            case IN_PROCESS -> outcome = runOn(new SimulatedCyclerChannel("sim-1", cell, clock, 10 * oneCAmpere()),
                    steps, clock, events);
            case STALE_STATUS -> outcome = runOn(new StaleAfterCommand(
                    new SimulatedCyclerChannel("sim-1", cell, clock, 10 * oneCAmpere())), steps, clock, events);
            case KEITHLEY_TCP -> {
                try (Keithley2450Simulator sim = new Keithley2450Simulator("04500001", cell, clock, KEITHLEY_RANGE)) {
                    int port = sim.startTcp();
                    try (Keithley2450Channel smu = Keithley2450Factory.open("smu-1",
                            Keithley2450Settings.tcp("127.0.0.1", port).withRest(RestMode.ZERO_CURRENT))) {
                        outcome = runOn(smu, steps, clock, events);
                    }
                }
            }
            case MACCOR_TCP -> {
                try (MacNetSimulator sim = new MacNetSimulator("maccor-sim", List.of(cell), List.of(clock),
                        new MacNetSimulator.Options(Duration.ofSeconds(2), Duration.ZERO))) {
                    int port = sim.startTcp();
                    MaccorSettings settings = MaccorSettings.tcp("127.0.0.1", port)
                            .withPacing(Duration.ofMillis(300), Duration.ofMillis(1))
                            .withLimits(0.02, 4.5, 0.06); // within the simulated channel's 20 mA range
                    try (MaccorBank bank = MaccorBank.open("maccor-1", settings)) {
                        outcome = runOn(bank.channel(1), steps, clock, events);
                    }
                }
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        assertEquals(Outcome.COMPLETED, outcome, () -> events.ended().message());
        List<Sample> ends = new ArrayList<>();
        for (int step = 1; step <= truth.length; step++) {
            List<Sample> of = events.samplesOfStep(step);
            assertTrue(!of.isEmpty(), "step " + step + " recorded samples");
            ends.add(of.getLast());
            assertEquals(seconds[step - 1], of.getLast().testTimeSecond() - events.samplesOfStep(step).getFirst()
                    .testTimeSecond() + 1, 1e-6, "step " + step + " ran its time on the 1 s grid");
        }
        return new Result(ends, trueWh);
    }

    private static Outcome runOn(CyclerChannel channel, String steps, SharedVirtualClock clock,
            RecordingListener events) {
        ProtocolRunner runner = new ProtocolRunner(CellSetup.builder(info(), ProtocolLoader.parse(protocol(steps),
                "edges.yaml"), channel, clock, events).build());
        return runner.run();
    }

    /**
     * Each step's energy throughput, ∫|V·I| dt, integrated in 0.1 ms steps of the cell model,
     * and its voltage's change from 20 ms (the fast arcs settled) to the first sample.
     */
    private static List<Truth> truth(SimulatedCell cell, ChannelCommand[] commands, double[] seconds) {
        double h = 1e-4;
        long settled = Math.round(0.02 / h);
        long firstSample = Math.round(PERIOD / h);
        List<Truth> out = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            long n = Math.round(seconds[i] / h);
            double joule = 0;
            double from = Double.NaN;
            double rise = Double.NaN;
            for (long k = 1; k <= n; k++) {
                cell.advance(h, commands[i]);
                joule += Math.abs(cell.terminalVoltage() * cell.current()) * h;
                if (k == settled) {
                    from = cell.terminalVoltage();
                }
                if (k == firstSample) {
                    rise = cell.terminalVoltage() - from;
                }
            }
            out.add(new Truth(joule / 3600, rise));
        }
        return out;
    }

    private static void report(Kind kind, String what, double ah, double expectedAh, double wh, double expectedWh) {
        System.out.printf(Locale.ROOT, "step-edge %-13s %-14s charge %.4f %% of I·t, energy %.4f %% of ∫V·I dt%n",
                kind, what, 100 * ah / expectedAh, 100 * wh / expectedWh);
    }

    /**
     * Right after a command its first read still answers the reading from before it: a
     * cycler's status showing its last periodic measurement. Later reads are the channel's.
     */
    private static final class StaleAfterCommand extends ForwardingCyclerChannel {
        private ChannelReading last = new ChannelReading(Double.NaN, 0, Double.NaN);
        private boolean commanded;

        StaleAfterCommand(CyclerChannel inner) {
            super(inner);
        }

        @Override
        public void apply(ChannelCommand command) {
            super.apply(command);
            commanded = true;
        }

        @Override
        public ChannelReading read() {
            ChannelReading now = super.read();
            if (commanded) {
                commanded = false;
                return last;
            }
            last = now;
            return now;
        }
    }
}
