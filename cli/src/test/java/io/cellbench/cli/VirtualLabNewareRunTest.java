package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.lab.VirtualLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab file the virtual lab writes names its Neware's channels ({@code nw-1} …), each cell
 * there with an analyzer, a fixture and a chamber of its own, and a schedule that puts a cell
 * there runs it by delegation with {@code cellbench run --lab}: its EIS step runs on the analyzer
 * between two programs, its samples carry the fixture's pressure and the chamber's temperature,
 * and the charge the run counts is the charge the virtual Neware's cell got.
 */
@Timeout(300) // a hang guard: about 20 s of real time
class VirtualLabNewareRunTest {
    @TempDir
    Path dir;

    @Test
    void aScheduleRunsACellOnTheVirtualLabsNeware() throws Exception {
        Files.writeString(dir.resolve("steps.yaml"), """
                name: rest, charge, rest
                limits:
                  voltage: [1.8 V, 3.8 V]
                logging:
                  period: 1 s
                  sample_period: 1 s
                steps:
                  - Rest for 3 s
                  - EIS from 1 kHz to 100 Hz at 10 mV, 3 points per decade
                  - Charge at C/2 for 8 s
                  - Rest for 3 s
                """);
        Path out = dir.resolve("run");
        double got;
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            VirtualLab.Cell nw = lab.programCells().getFirst();
            assertEquals("nw-1", nw.channel());
            Console probe = Console.run("probe", "--lab", dir.resolve("lab.yaml").toString(), "nw-1");
            assertEquals(0, probe.exitCode(), probe.out() + probe.err());
            assertTrue(probe.out().contains("nw-1 = neware-bts-1/27-21-1-1") && probe.out().contains("  program:  "),
                    probe.out());
            Files.writeString(dir.resolve("schedule.yaml"), """
                    name: one cell on the Neware
                    cells:
                      - id: nw-cell
                        nominal_capacity: 2 mAh
                        protocol: steps.yaml
                        channel: nw-1
                        eis: %s
                        mux_channel: %d
                        fixture: %s
                        chamber: %s
                        simulation: {preset: coin, seed: %d}
                    """.formatted(nw.eis(), nw.muxChannel(), nw.fixture(), nw.chamber(), nw.seed()));
            double before = nw.cell().throughputAh();
            Console run = Console.run("run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            got = nw.cell().throughputAh() - before;
        }
        try (RunReader data = RunReader.open(out)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), data.manifest().cell("nw-cell").orElseThrow().outcome());
            List<Sample> samples = new ArrayList<>();
            data.samples("nw-cell", samples::add);
            assertTrue(samples.size() >= 10, "records every second: " + samples.size());
            for (Sample sample : samples) {
                assertEquals(10e6, sample.appliedPressurePa(), 0.5e6, "the fixture's pressure: " + sample);
                assertTrue(sample.ambientTemperatureCelsius() > 0 && sample.ambientTemperatureCelsius() < 100,
                        "the chamber's temperature: " + sample);
            }
            List<Integer> spectra = new ArrayList<>();
            data.spectra("nw-cell", (index, spectrum) -> spectra.add(spectrum.points().size()));
            assertEquals(1, spectra.size(), "one sweep on the analyzer: " + spectra);
            assertTrue(spectra.getFirst() >= 3, "1 kHz to 100 Hz at 3 points per decade: " + spectra);
            double counted = samples.getLast().chargingCapacityAh();
            assertEquals(1e-3 * 8 / 3600, counted, 0.05 * 1e-3 * 8 / 3600, "8 s at C/2 (1 mA): " + counted * 3.6e6 + " mAs");
            assertEquals(got, counted, 0.01 * got, "the run counted what the virtual Neware's cell got");
        }
    }
}
