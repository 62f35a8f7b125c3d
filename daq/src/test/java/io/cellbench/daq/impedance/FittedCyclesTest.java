package io.cellbench.daq.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.ArrowCycleReader;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.cycles.CycleWriter;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cycle files written again with each cycle's fitted resistances when a cell ends: every row
 * kept, the fitted ones filled, and the new file forced to disk once before it replaces the old,
 * not once per cycle. At the end of a 1,000-cycle run that rewrite used to force its file 1,000
 * times (one per cycle's batch, ~5–10 ms each on the shared disk): ten seconds the run waited
 * for, which was most of what fitting added to its wall time (docs/impedance.md, "Cost during a
 * run"). The forces are counted by the JDK's own flight recorder ({@link FileForces}).
 */
class FittedCyclesTest {
    private static final int CYCLES = 60;

    @TempDir
    Path run;

    @Test
    void theCycleFilesAreRewrittenWithTheResistancesAndForcedOnceNotPerCycle() throws Exception {
        Path dir = RunLayout.cellDirectory(run, "c1");
        Files.createDirectories(dir);
        List<Path> forced = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            try (CycleWriter cycles = CycleWriter.create(dir, Map.of("run", "r"), ArrowWriteOptions.DEFAULTS,
                    allocator)) {
                for (int c = 1; c <= CYCLES; c++) {
                    cycles.write(cycle(c));
                }
            }
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of());
            fits.on(SweepFitsTest.start("c1", 1_700_000_000, false));
            // sweeps measured in cycles 3 and 7 (SweepFitsTest.sweep numbers its spectrum's cycle 1: renumbered)
            for (int c : new int[] {3, 7}) {
                var s = SweepFitsTest.sweep(50, 1000 * c);
                fits.on(new RunEvent.SpectrumMeasured("c1", new io.cellbench.core.data.Spectrum(s.testTimeSecond(),
                        s.unixTimeSecond(), c, s.stepCount(), s.stepIndex(), s.appliedPressurePa(),
                        s.ambientTemperatureCelsius(), s.points())));
            }
            forced.addAll(FileForces.during(() -> {
                fits.on(new RunEvent.RunEnded("c1", 100_000, RunEvent.Outcome.COMPLETED, ""));
                fits.close();
            }));

            List<CycleSummary> read = new ArrayList<>();
            assertTrue(ArrowCycleReader.read(dir.resolve(CycleWriter.ARROW_FILE), allocator, read::add).clean());
            assertEquals(CYCLES, read.size());
            List<FittedSweep> fitted = FitReader.read(run, "c1", allocator, new ArrayList<>());
            assertEquals(List.of(3, 7), fitted.stream().map(FittedSweep::cycleCount).toList());
            for (CycleSummary c : read) {
                if (c.cycleCount() == 3 || c.cycleCount() == 7) {
                    FittedSweep s = fitted.get(c.cycleCount() == 3 ? 0 : 1);
                    assertEquals(s.interfaceOhm(), c.interfaceResistanceOhm(), 0, "cycle " + c.cycleCount());
                    assertEquals(s.bulkOhm(), c.bulkResistanceOhm(), 0);
                } else {
                    assertTrue(Double.isNaN(c.interfaceResistanceOhm()), "cycle " + c.cycleCount());
                }
                assertEquals(cycle(c.cycleCount()).chargeCapacityAh(), c.chargeCapacityAh(), 0);
            }
            assertEquals(CYCLES + 1, Files.readAllLines(dir.resolve(CycleWriter.CSV_FILE)).size());
        }
        assertEquals(1, FileForces.of(forced, CycleWriter.ARROW_FILE), "forces of the rewritten cycles.arrows, of " + forced.size() + " forces");
        assertFalse(forced.isEmpty());
    }

    private static CycleSummary cycle(int c) {
        return new CycleSummary(c, 7200.0 * (c - 1), 7100, 0.001 - 1e-6 * c, 0.0009, 0.0038, 0.0032,
                0.9, 0.84, 3.8, 3.55, 4.2, 3.0, 3.0, 4.2);
    }
}
