package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole virtual lab through the CLI, in real time: Keithley 2450s and a Maccor on TCP,
 * the PalmSens analyzer on a socat pty through its multiplexer, a Modbus press per cell and
 * the Modbus chamber, all driven by the real drivers from the lab file the virtual lab writes.
 *
 * <p>The protocol touches every instrument but waits for none to settle: the runner's
 * settling rules (pressure: 3 reads over 30 s; temperature: 10 min within 0.5 °C) and the
 * simulators' time constants (press τ = 20 s, chamber τ = 10 min) are real-lab figures, too
 * slow for a test, so set points are sent and the run goes on. The sweep is five points
 * above 100 Hz. The cells are pristine (2.55 V, about 120 Ω before formation): a 5C current
 * moves them by more than a volt, so the charge is 5C but the discharge 1C, which a 5C
 * discharge would take below the 1.5 V limit at once. The analyzer's open-circuit wait is
 * shortened in the lab file (ocp_time), as an operator would for a quick check, since four
 * cells take turns at it.
 */
@Timeout(600) // about 35 s on a loaded 2-core machine; only a hang takes this long
class FullVirtualLabRunTest {
    @TempDir
    Path dir;

    static final String EVERY_INSTRUMENT = """
            name: every instrument
            limits:
              voltage: [1.5 V, 4.2 V]
              temperature: [15 °C, 40 °C]
              pressure: [1 MPa, 30 MPa]
            logging:
              period: 1 s
              sample_period: 0.2 s
            steps:
              - Set temperature to 27 °C
              - Set pressure to 12 MPa
              - Rest for 1 s
              - EIS from 10 kHz to 100 Hz at 10 mV, 2 points per decade
              - Charge at 5C for 3 s or until 4.1 V
              - Discharge at 1C for 3 s or until 1.8 V
              - Rest for 1 s
            """;

    @Test
    void aScheduleOnEveryKindOfTheVirtualLabCompletesWithSamplesSpectraAndEvents() throws Exception {
        Files.writeString(dir.resolve("every.yaml"), EVERY_INSTRUMENT);
        Path out = dir.resolve("runs").resolve("full");
        List<String> drivers;
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(2, new SystemLabClock(), dir))) {
            drivers = lab.drivers();
            assertEquals(List.of("keithley-2450", "maccor-macnet", "palmsens-methodscript", "modbus-pressure",
                    "modbus-chamber", "neware-bts"), drivers, "every kind is on the class path");
            String yaml = lab.labYaml().replace("    mux: ", "    ocp_time: 1 s\n    mux: ");
            Files.writeString(dir.resolve("lab.yaml"), yaml);
            lab.writeSchedule(dir.resolve("schedule.yaml"), "every.yaml");
            String schedule = Files.readString(dir.resolve("schedule.yaml"));
            for (String wired : List.of("channel: ch-1", "channel: ch-3", "eis: palmsens-methodscript-1",
                    "mux_channel: 4", "fixture: modbus-pressure-4", "chamber: modbus-chamber-1")) {
                assertTrue(schedule.contains(wired), wired + " in\n" + schedule);
            }
            assertTrue(yaml.contains("ch-3: maccor-macnet-1/1") && yaml.contains("ch-1: keithley-2450-1"), yaml);

            Console check = Console.run("validate", "--lab", dir.resolve("lab.yaml").toString(),
                    dir.resolve("schedule.yaml").toString());
            assertEquals(0, check.exitCode(), check.err());

            long t0 = System.nanoTime();
            Console run = Console.run("run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString(), "--fault-retry", "5s");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(0, run.exitCode(), () -> run.out() + run.err() + events(out));
            System.out.printf("full virtual lab run: 4 cells, %.1f s wall%n", seconds);

            // the set points reached the simulators over Modbus
            ModbusChamberSimulator chamber = (ModbusChamberSimulator) lab.instrument("modbus-chamber-1");
            assertTrue(chamber.running(), "the chamber's run coil is on");
            for (int i = 1; i <= 4; i++) {
                ModbusPressSimulator press = (ModbusPressSimulator) lab.instrument("modbus-pressure-" + i);
                assertEquals(12e6, press.fixture().setpointPa(), 1e3, "press " + i);
            }
        }
        String events = events(out);
        try (RunReader data = RunReader.open(out)) {
            assertEquals(List.of("cell-1", "cell-2", "cell-3", "cell-4"), data.cells().stream().sorted().toList());
            for (String cell : data.cells()) {
                assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), data.manifest().cell(cell).orElseThrow().outcome(),
                        cell + ": " + events);
                List<Sample> samples = new ArrayList<>();
                data.samples(cell, samples::add);
                assertTrue(samples.size() >= 10, cell + ": " + samples.size() + " samples");
                Sample last = samples.get(samples.size() - 1);
                // the press moves toward 12 MPa from 10 MPa (τ = 20 s): between the two, read over Modbus
                assertTrue(last.appliedPressurePa() > 9.5e6 && last.appliedPressurePa() < 12.5e6, cell + ": "
                        + last.appliedPressurePa() + " Pa");
                // the chamber heads for 27 °C from 25 °C with τ = 10 min: a few tenths at most
                assertTrue(last.ambientTemperatureCelsius() >= 24.5 && last.ambientTemperatureCelsius() < 27,
                        cell + ": " + last.ambientTemperatureCelsius() + " °C");
                double charged = samples.stream().mapToDouble(Sample::chargingCapacityAh).max().orElse(0);
                double discharged = samples.stream().mapToDouble(Sample::dischargingCapacityAh).max().orElse(0);
                // 5C of a ~2 mAh coin cell is ~10 mA; 3 s of it is ~8 µAh
                assertTrue(charged > 4e-6 && charged < 16e-6, cell + " charged " + charged * 1e6 + " µAh");
                assertTrue(discharged > 0 && discharged < charged, cell + " discharged " + discharged * 1e6 + " µAh");
                assertTrue(samples.stream().anyMatch(s -> s.currentAmpere() < -1.5e-3), cell + ": a 1C discharge");
                List<Spectrum> spectra = data.spectra(cell);
                assertEquals(1, spectra.size(), cell);
                assertEquals(5, spectra.get(0).points().size(), cell + ": 10 kHz..100 Hz at 2 per decade");
                assertTrue(spectra.get(0).appliedPressurePa() > 9e6, cell + ": the spectrum knows its pressure");
            }
        }
        for (String kind : List.of("\"StepStarted\"", "\"StepEnded\"",
                "waiting for the other cells in chamber modbus-chamber-1")) {
            assertTrue(events.contains(kind), kind + " in events.jsonl"); // spectra go to spectra.arrows only
        }
        assertEquals(4, events.lines().filter(l -> l.contains("\"RunEnded\"") && l.contains("\"COMPLETED\"")).count(),
                events);
    }

    private static String events(Path out) {
        try {
            return Files.readString(out.resolve("events.jsonl"));
        } catch (java.io.IOException e) {
            return "(no events.jsonl: " + e + ")";
        }
    }
}
