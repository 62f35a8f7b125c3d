package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.run.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protocol with impedance steps on a Neware cell: it runs as three programs on the BTS
 * simulator, split at each EIS step, whose sweeps run on the cell's PalmSens (MethodSCRIPT over
 * a pseudo-terminal) between them. The spectra are recorded with the cycle and step they belong
 * to, the samples go on after each sweep, and steps and cycles number on across the programs
 * as in the same protocol run directly.
 */
@Timeout(600) // a hang guard: about a minute of wall time
class DelegatedEisSplitTest {
    static final String PROTOCOL = DelegatedLab.protocol("cycling with impedance", "60 s", """
              - Rest for 5 minutes
              - Repeat 2 times:
                  - Charge at 1C until 3.7 V
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Discharge at 1C until 1.9 V
            """);
    /** The EIS step's index in the protocol (rest 1, charge 2, EIS 3, discharge 4). */
    static final int EIS_STEP = 3;

    @TempDir
    Path dir;

    @Test
    void eisStepsSplitTheProgramsAndTheirSweepsRunOnTheAnalyzer() throws Exception {
        Path delegated = dir.resolve("delegated");
        Path direct = dir.resolve("direct");
        try (DelegatedLab lab = DelegatedLab.start(dir, 200, true)) {
            Path schedule = lab.writeSchedule(PROTOCOL);
            Console run = Console.run("run", schedule.toString(), "--lab", lab.writeLab().toString(), "--out",
                    delegated.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            try (var published = Files.list(dir.resolve("bts-steps"))) {
                assertEquals(List.of("part1.xml", "part2.xml", "part3.xml"), published
                        .map(p -> p.getFileName().toString().replaceAll(".*-(part\\d+\\.xml)$", "$1")).sorted().toList(),
                        "three programs: before, between and after the sweeps");
            }
            Console plain = Console.run("run", schedule.toString(), "--simulate", "--out", direct.toString());
            assertEquals(0, plain.exitCode(), plain.out() + plain.err());
        }
        List<Sample> viaBts = DelegatedRunTest.samples(delegated);
        List<Sample> inCellbench = DelegatedRunTest.samples(direct);
        List<String> directSteps = DelegatedRunTest.steps(inCellbench).stream()
                .filter(s -> !s.split("/")[1].equals(Integer.toString(EIS_STEP))).toList();
        assertEquals(directSteps, DelegatedRunTest.steps(viaBts),
                "step count/index/cycle as run directly (the sweeps count as steps, and record no samples here)");
        for (int i = 1; i < viaBts.size(); i++) {
            assertTrue(viaBts.get(i).testTimeSecond() > viaBts.get(i - 1).testTimeSecond(), "row " + i);
            assertTrue(viaBts.get(i).cycleCount() >= viaBts.get(i - 1).cycleCount(), "cycles go on at row " + i);
        }
        assertEquals(2, viaBts.getLast().cycleCount());
        DelegatedRunTest.within("total discharge", inCellbench.getLast().totalDischargingCapacityAh(),
                viaBts.getLast().totalDischargingCapacityAh());

        try (RunReader data = RunReader.open(delegated)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED),
                    data.manifest().cell(DelegatedLab.CELL).orElseThrow().outcome());
            List<Spectrum> spectra = data.spectra(DelegatedLab.CELL);
            assertEquals(2, spectra.size(), "one sweep per pass");
            List<Spectrum> directSpectra;
            try (RunReader d = RunReader.open(direct)) {
                directSpectra = d.spectra(DelegatedLab.CELL);
            }
            for (int k = 0; k < 2; k++) {
                Spectrum s = spectra.get(k);
                assertEquals(k + 1, s.cycleCount(), "sweep " + (k + 1) + "'s cycle");
                assertEquals(EIS_STEP, s.stepIndex());
                assertEquals(directSpectra.get(k).stepCount(), s.stepCount(), "sweep " + (k + 1) + "'s step count");
                assertEquals(directSpectra.get(k).points().size(), s.points().size(), "points of sweep " + (k + 1));
                assertFalse(s.points().isEmpty());
                int ks = k;
                // the sweep lies between the charge before it and the discharge after it
                assertTrue(viaBts.stream().anyMatch(x -> x.stepCount() == s.stepCount() - 1
                        && x.testTimeSecond() <= s.testTimeSecond()), "charge before sweep " + (ks + 1));
                assertTrue(viaBts.stream().anyMatch(x -> x.stepCount() == s.stepCount() + 1
                        && x.testTimeSecond() > s.testTimeSecond()), "discharge after sweep " + (ks + 1));
            }
        }
    }
}
