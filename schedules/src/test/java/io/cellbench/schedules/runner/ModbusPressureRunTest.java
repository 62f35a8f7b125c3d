package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A demo-style protocol with a temperature step and pressure steps, run twice on twin benches:
 * once with the in-process motorised fixture and chamber, once with the real modbus-pressure
 * and modbus-chamber drivers talking Modbus TCP (127.0.0.1) to the press and chamber
 * simulators, which drive the same fixture and chamber models on their cell. The two runs must
 * agree within the instruments' noise and the registers' rounding.
 */
class ModbusPressureRunTest {
    private static final double T0 = 1_700_000_000;

    private static final String PROTOCOL = """
            name: pressure steps
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
              pressure: [0.5 MPa, 150 MPa]
              temperature: [0 °C, 45 °C]
            logging:
              period: 60 s
              voltage_change: 10 mV
              sample_period: 1 s
            steps:
              - Set temperature to 30 °C and wait until stable
              - Set pressure to 50 MPa and wait until stable
              - Rest for 10 minutes
              - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
              - Charge at C/5 until 3.7 V then hold until C/20
              - Set pressure to 20 MPa and wait until stable
              - Rest for 10 minutes
              - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
              - Discharge at C/5 until 1.9 V
              - Set pressure to 80 MPa and wait until stable
              - Rest for 10 minutes
            """;

    private record Run(Outcome outcome, RecordingListener events, double endSecond) {
    }

    private static SimulatedBench bench(LabClock clock) {
        SimulatedBench b = SimulatedBench.create(CellParameters.coin(), 42, 10e6, clock);
        b.cell().completeFormation();
        b.cell().restAt(0.4);
        return b;
    }

    private static Run run(SimulatedBench bench, LabClock clock, PressureFixture fixture, TemperatureChamber chamber) {
        Protocol protocol = ProtocolLoader.parse(PROTOCOL, "pressure-steps.yaml");
        RecordingListener events = new RecordingListener();
        Outcome outcome = new ProtocolRunner(CellSetup.builder(bench.cellInfo(), protocol, bench.channel(), clock, events)
                .eis(bench.eis(), 0).pressureFixture(fixture).chamber(chamber).build()).run();
        return new Run(outcome, events, clock.nowUnixSeconds() - T0);
    }

    @Test
    void theModbusPressAndChamberRunTheProtocolAsTheInProcessOnesDo() throws Exception {
        SharedVirtualClock localClock = new SharedVirtualClock(T0);
        SimulatedBench local = bench(localClock);
        Run inProcess = run(local, localClock, local.fixture(), local.chamber());

        SharedVirtualClock wireClock = new SharedVirtualClock(T0);
        SimulatedBench remote = bench(wireClock);
        // the same instrument name as the bench's own fixture: the same noise seed
        try (ModbusPressSimulator sim = new ModbusPressSimulator(remote.fixture().name(), remote.cell(), wireClock);
             ModbusChamberSimulator chamberSim = new ModbusChamberSimulator(remote.chamber().name(),
                     List.of(remote.cell()), wireClock)) {
            sim.startTcp();
            chamberSim.startTcp();
            Run overModbus = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                try (PressureFixture press = (PressureFixture) Drivers.named("modbus-pressure").open(config("press-1",
                        sim.labEntry()));
                     TemperatureChamber chamber = (TemperatureChamber) Drivers.named("modbus-chamber").open(config(
                             "chamber-1", chamberSim.labEntry()))) {
                    return run(remote, wireClock, press, chamber);
                }
            });
            compare(inProcess, overModbus);
            assertTrue(sim.slave().received().size() > 1000, "the run went over the wire: "
                    + sim.slave().received().size() + " requests");
        }
    }

    private static InstrumentConfig config(String name, Map<String, Object> labEntry) {
        Map<String, Object> entry = new LinkedHashMap<>(labEntry);
        String driver = (String) entry.remove("driver");
        return new InstrumentConfig(name, driver, entry, "lab.yaml:1:1");
    }

    private static void compare(Run local, Run wire) {
        assertEquals(Outcome.COMPLETED, local.outcome(), () -> local.events().ended().message());
        assertEquals(Outcome.COMPLETED, wire.outcome(), () -> wire.events().ended().message());
        assertEquals(local.events().endReasons(), wire.events().endReasons());
        assertEquals("temperature 30 °C reached", wire.events().endReasons().get(0));
        assertEquals(List.of("pressure 50 MPa reached", "pressure 20 MPa reached", "pressure 80 MPa reached"),
                wire.events().endReasons().stream().filter(r -> r.startsWith("pressure")).toList());
        // Step durations. The chamber's register holds 0.1 °C: near the end of its 10-minute
        // approach the air warms 0.05 °C in about a minute, so the rounded reading may enter
        // the stable band a minute or two apart. The fixture is read every 5 s: a noisy
        // reading may settle a read or two earlier or later. The rest follows the cell.
        List<Double> ld = durations(local);
        List<Double> wd = durations(wire);
        assertEquals(ld.size(), wd.size());
        List<RunEvent.StepStarted> steps = wire.events().of(RunEvent.StepStarted.class);
        for (int i = 0; i < ld.size(); i++) {
            String step = steps.get(i).description();
            double tolerance = step.startsWith("Set temperature") ? 150 : step.startsWith("Set pressure") ? 10
                    : 10 + 0.01 * ld.get(i);
            assertEquals(ld.get(i), wd.get(i), tolerance, "duration of step " + (i + 1) + " " + step);
        }
        assertEquals(local.endSecond(), wire.endSecond(), 200);

        Sample ll = last(local);
        Sample wl = last(wire);
        assertEquals(ll.chargingCapacityAh(), wl.chargingCapacityAh(), 0.005 * ll.chargingCapacityAh());
        assertEquals(ll.dischargingCapacityAh(), wl.dischargingCapacityAh(), 0.005 * ll.dischargingCapacityAh());
        assertEquals(80e6, wl.appliedPressurePa(), 1.5e6);
        assertEquals(ll.appliedPressurePa(), wl.appliedPressurePa(), 0.5e6);
        // 0.1 °C registers: rounding plus the chamber's noise
        assertEquals(30, wl.ambientTemperatureCelsius(), 0.3);
        assertEquals(ll.ambientTemperatureCelsius(), wl.ambientTemperatureCelsius(), 0.2);

        // the pressure the cell felt shows in its spectra: less interface resistance at 50 than at 20 MPa
        List<Spectrum> lspec = spectra(local);
        List<Spectrum> wspec = spectra(wire);
        assertEquals(2, wspec.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(lspec.get(i).appliedPressurePa(), wspec.get(i).appliedPressurePa(), 0.5e6);
            double lowLocal = lspec.get(i).points().get(lspec.get(i).points().size() - 1).zRealOhm();
            double lowWire = wspec.get(i).points().get(wspec.get(i).points().size() - 1).zRealOhm();
            assertEquals(lowLocal, lowWire, 0.02 * lowLocal, "Re Z at 100 mHz, spectrum " + (i + 1));
        }
        double at50 = wspec.get(0).points().get(wspec.get(0).points().size() - 1).zRealOhm();
        double at20 = wspec.get(1).points().get(wspec.get(1).points().size() - 1).zRealOhm();
        assertTrue(at20 > at50, "Re Z at 100 mHz: 20 MPa " + at20 + " Ω, 50 MPa " + at50 + " Ω");
    }

    /** How long each step took, s (the last one up to the end of the run). */
    private static List<Double> durations(Run r) {
        List<RunEvent.StepStarted> starts = r.events().of(RunEvent.StepStarted.class);
        List<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double end = i + 1 < starts.size() ? starts.get(i + 1).testTimeSecond() : last(r).testTimeSecond();
            out.add(end - starts.get(i).testTimeSecond());
        }
        return out;
    }

    private static Sample last(Run r) {
        List<Sample> s = r.events().samples();
        return s.get(s.size() - 1);
    }

    private static List<Spectrum> spectra(Run r) {
        return r.events().of(RunEvent.SpectrumMeasured.class).stream().map(RunEvent.SpectrumMeasured::spectrum).toList();
    }
}
