package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.fixtures.sim.SimulatedPressureFixture;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The runner on the simulated NMC811 | Li6PS5Cl | Li–In coin cell and its simulated
 * instruments, with protocols written as the lab writes them and read by the real parser.
 */
class SimulatedCellRunTest {
    private static final double T0 = 1_700_000_000;

    private final VirtualClock clock = new VirtualClock(T0);
    private final SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 42, 10e6, clock);
    private final RecordingListener events = new RecordingListener();
    private ProtocolRunner runner;

    private Outcome run(String yaml) {
        return run(yaml, b -> b.eis(bench.eis(), 0).pressureFixture(bench.fixture()).chamber(bench.chamber()));
    }

    private Outcome run(String yaml, UnaryOperator<CellSetup.Builder> wiring) {
        Protocol protocol = ProtocolLoader.parse(yaml, "sim.yaml");
        runner = new ProtocolRunner(wiring.apply(
                CellSetup.builder(bench.cellInfo(), protocol, bench.channel(), clock, events)).build());
        return runner.run();
    }

    private static final String FORMATION_AND_CYCLING = """
            name: formation and C/3 cycling
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
              temperature: [0 °C, 80 °C]
              pressure: [0.5 MPa, 150 MPa]
            logging:
              period: 60 s
              voltage_change: 10 mV
              sample_period: 1 s
            steps:
              - Set temperature to 30 °C and wait until stable
              - Set pressure to 50 MPa and wait until stable
              - Rest for 1 hour
              - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
              - Charge at C/10 until 3.7 V then hold until C/50
              - Rest for 30 minutes
              - Discharge at C/10 until 1.9 V
              - Rest for 30 minutes
              - Repeat 3 times:
                  - Charge at C/3 until 3.7 V then hold until C/20
                  - Rest for 10 minutes
                  - Discharge at C/3 until 1.9 V
                  - Rest for 10 minutes
              - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
            """;

    @Test
    void formationAndCyclingRunToTheEndWithPlausibleData() {
        assertEquals(Outcome.COMPLETED, run(FORMATION_AND_CYCLING), () -> events.ended().message());
        List<RunEvent.StepStarted> steps = events.of(RunEvent.StepStarted.class);
        assertEquals(4 + 4 + 3 * 4 + 1, steps.size());
        assertEquals(4, steps.get(steps.size() - 1).cycleCount());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, bench.channel().command());

        // Coulombic efficiency per cycle, from the last sample of each cycle.
        Map<Integer, Sample> lastOfCycle = new TreeMap<>();
        for (Sample s : events.samples()) {
            lastOfCycle.put(s.cycleCount(), s);
        }
        Sample formation = lastOfCycle.get(1);
        double firstCe = formation.dischargingCapacityAh() / formation.chargingCapacityAh();
        assertTrue(firstCe > 0.75 && firstCe < 0.9, "first-cycle CE " + firstCe);
        // Cycle 2 charges back a deep C/10 discharge but can give only a C/3 discharge: its
        // CE is low for that reason. From cycle 3 both halves are C/3.
        Sample second = lastOfCycle.get(2);
        double secondCe = second.dischargingCapacityAh() / second.chargingCapacityAh();
        assertTrue(secondCe > 0.8 && secondCe < 0.95, "cycle 2 CE " + secondCe);
        for (int cycle = 2; cycle <= 4; cycle++) {
            Sample s = lastOfCycle.get(cycle);
            double ce = s.dischargingCapacityAh() / s.chargingCapacityAh();
            if (cycle >= 3) {
                assertTrue(ce > 0.99 && ce <= 1.0, "cycle " + cycle + " CE " + ce);
            }
            // The preset delivers about 0.85 × nominal at C/3.
            double ratio = s.dischargingCapacityAh() / bench.cellInfo().nominalCapacityAh();
            assertTrue(ratio > 0.75 && ratio < 0.95, "cycle " + cycle + " C/3 capacity " + ratio + " × nominal");
        }

        // The runner's throughput agrees with the charge the simulated cell received.
        Sample last = events.samples().get(events.samples().size() - 1);
        assertEquals(bench.cell().throughputAh(), last.cumulativeCapacityAh(), 0.002 * bench.cell().throughputAh());
    }

    @Test
    void stepsEndWhereTheirConditionsSay() {
        run(FORMATION_AND_CYCLING);
        List<RunEvent.StepStarted> steps = events.of(RunEvent.StepStarted.class);
        List<RunEvent.StepEnded> ends = events.of(RunEvent.StepEnded.class);
        double cOver20 = bench.cellInfo().nominalCapacityAh() / 20;
        for (int i = 0; i < steps.size(); i++) {
            String text = steps.get(i).description();
            List<Sample> samples = events.samplesOfStep(i + 1);
            Sample end = samples.isEmpty() ? null : samples.get(samples.size() - 1);
            if (text.startsWith("Discharge")) {
                assertEquals("voltage <= 1.9 V", ends.get(i).reason());
                assertTrue(end.voltageVolt() <= 1.9 && end.voltageVolt() > 1.85, text + " ended at " + end);
            } else if (text.startsWith("Charge at C/3")) {
                assertEquals("C-rate <= 0.05 C", ends.get(i).reason());
                assertTrue(Math.abs(end.currentAmpere()) <= cOver20, text + " ended at " + end.currentAmpere() + " A");
                assertEquals(3.7, end.voltageVolt(), 0.001);
            } else if (text.startsWith("Rest for 10 minutes")) {
                assertEquals("time 600 s", ends.get(i).reason());
                assertEquals(600, end.testTimeSecond() - steps.get(i).testTimeSecond(), 1e-6);
            }
        }
        List<Double> times = events.samples().stream().map(Sample::testTimeSecond).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "record times must increase at " + i);
        }
    }

    @Test
    void spectraAndSamplesCarryPressureAndTemperature() {
        run(FORMATION_AND_CYCLING);
        List<Spectrum> spectra = events.of(RunEvent.SpectrumMeasured.class).stream()
                .map(RunEvent.SpectrumMeasured::spectrum).toList();
        assertEquals(2, spectra.size());
        for (Spectrum s : spectra) {
            assertEquals(71, s.points().size());
            assertEquals(50e6, s.appliedPressurePa(), 1.5e6);
            assertEquals(30, s.ambientTemperatureCelsius(), 0.5);
            // High-frequency intercept near R0 (≈ 32 Ω for the coin preset).
            double re = s.points().get(0).zRealOhm();
            assertTrue(re > 25 && re < 45, "Re Z at 1 MHz " + re);
        }
        assertEquals(1, spectra.get(0).cycleCount());
        assertEquals(4, spectra.get(1).cycleCount());
        // The first sweep starts after the 1 h rest; the analyzer's clock time passes.
        RunEvent.StepStarted eis = events.of(RunEvent.StepStarted.class).get(3);
        assertEquals(eis.testTimeSecond() + 1, spectra.get(0).testTimeSecond(), 1e-6);
        List<Sample> eisSamples = events.samplesOfStep(4);
        assertEquals(1 + 344, eisSamples.get(1).testTimeSecond() - eis.testTimeSecond(), 1);

        for (Sample s : events.samples().subList(events.samples().size() - 50, events.samples().size())) {
            assertEquals(50e6, s.appliedPressurePa(), 1.5e6);
            assertEquals(30, s.ambientTemperatureCelsius(), 0.5);
        }
    }

    @Test
    void theMotorisedPressSettlesOnSchedule() {
        run("""
                name: press
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Set pressure to 50 MPa and wait until stable
                """);
        // 10 → 50 MPa with τ = 20 s: within ±1.5 MPa after 20·ln(40/1.5) = 65.7 s. The
        // fixture is read every 5 s: first in band at 70 s, settled 30 s later.
        assertEquals(List.of("pressure 50 MPa reached"), events.endReasons());
        assertEquals(100, clock.nowUnixSeconds() - T0, 1e-6);
    }

    @Test
    void aChamberRunningAwayTripsTheRunAndOpensTheChannel() {
        bench.chamber().setTemperatureCelsius(70);
        Outcome outcome = run("""
                name: runaway
                limits:
                  voltage: [1.8 V, 3.8 V]
                  temperature: [0 °C, 45 °C]
                steps:
                  - Charge at C/10 until 3.7 V
                """);
        assertEquals(Outcome.SAFETY_TRIP, outcome);
        assertTrue(events.ended().message().matches(
                "(chamber|cell) temperature 45\\.\\d+ °C is above the safety limit 45 °C"), events.ended().message());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, bench.channel().command());
        // 25 → 70 °C with τ = 10 min passes 45 °C after 10·ln(45/25) = 5.9 min.
        assertEquals(353, clock.nowUnixSeconds() - T0, 6);
    }

    @Test
    void aPassiveFixtureCannotTakeASetPressureStep() {
        SimulatedPressureFixture passive = new SimulatedPressureFixture("passive", bench.cell(), clock, false);
        Outcome outcome = run("""
                name: passive
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Set pressure to 50 MPa and wait until stable
                  - Rest for 1 hour
                """, b -> b.pressureFixture(passive));
        assertEquals(Outcome.FAULT, outcome);
        assertTrue(events.ended().message().contains(
                "sim.yaml:5:5: 'Set pressure to 50 MPa and wait until stable': fixture passive is passive"),
                events.ended().message());
        assertEquals(0.0, clock.nowUnixSeconds() - T0);
    }
}
