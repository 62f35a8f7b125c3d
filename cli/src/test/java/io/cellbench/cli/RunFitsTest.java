package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.impedance.FitReader;
import io.cellbench.daq.impedance.FittedSweep;
import io.cellbench.daq.run.RunReader;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --fit}: every sweep of every cell fitted during the run into fits.arrows, numbered as
 * spectra.arrows numbers it and equal to fitting the recorded sweep afterwards; {@code data
 * cycles} then shows R_bulk, R_gb and R_int of the sweep of each cycle.
 */
class RunFitsTest {
    private static final String CIRCUIT = "R0-p(R1,CPE1)-p(R2,CPE2)";

    @TempDir
    static Path tmp;
    static Path run;
    static String printed;

    @BeforeAll
    static void record() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("inputs"));
        run = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--fit", CIRCUIT, "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        printed = c.out();
    }

    @Test
    void theSummaryShowsTheFittedResistancesInPlaceOfTheEstimate() throws Exception {
        try (RootAllocator allocator = new RootAllocator()) {
            List<FittedSweep> fits = FitReader.read(run, "coin-2", allocator, new ArrayList<>());
            String line = printed.lines().filter(l -> l.startsWith("  coin-2 ")).findFirst().orElseThrow();
            assertTrue(line.contains(String.format(java.util.Locale.ROOT, "fit: R_bulk %.2f -> %.2f, R_gb",
                    fits.getFirst().bulkOhm(), fits.getLast().bulkOhm())), line);
            assertTrue(line.contains(String.format(java.util.Locale.ROOT, "R_int %.2f -> %.2f Ohm",
                    fits.getFirst().interfaceOhm(), fits.getLast().interfaceOhm())), line);
            assertTrue(!line.contains("R(bulk+interface)"), line);
        }
    }

    @Test
    void everySweepIsFittedDuringTheRunAsItWouldBeAfterwards() throws Exception {
        SweepAnalysis analysis = new SweepAnalysis(FitRequest.of(CIRCUIT));
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(run)) {
            for (String cell : ShortRun.CELLS) {
                List<Spectrum> spectra = reader.spectra(cell);
                List<String> warnings = new ArrayList<>();
                List<FittedSweep> fits = FitReader.read(run, cell, allocator, warnings);
                assertEquals(List.of(), warnings);
                assertEquals(spectra.size(), fits.size(), cell);
                for (int i = 0; i < spectra.size(); i++) {
                    FitRow expected = analysis.fit(i + 1, spectra.get(i));
                    FittedSweep got = fits.get(i);
                    assertEquals(i + 1, got.spectrumIndex());
                    assertEquals(spectra.get(i).cycleCount(), got.cycleCount());
                    for (String p : List.of("R0", "R1", "R2", "CPE2_1")) {
                        assertEquals(expected.fit().value(p), got.value(p), 0, cell + " " + p);
                        assertEquals(expected.fit().parameter(p).standardError(), got.value(p + "_sigma"), 0);
                    }
                }
            }
        }
    }

    @Test
    void aResumeFindsTheCircuitTheRunWasFittedWith() throws Exception {
        assertEquals(CIRCUIT, FitReader.circuit(run));
        Path plain = tmp.resolve("plain");
        assertEquals(0, Console.run("run", ShortRun.write(tmp.resolve("plain-inputs")).toString(), "--simulate",
                "--out", plain.toString()).exitCode());
        assertEquals(null, FitReader.circuit(plain), "a run without --fit resumes without fits");
    }

    @Test
    void cyclesShowTheResistancesOfEachCyclesSweep() throws Exception {
        Console c = Console.run("data", "cycles", run.toString(), "--format", "json");
        assertEquals(0, c.exitCode(), c.err());
        JsonNode rows = new ObjectMapper().readTree(c.out());
        Map<String, Map<Integer, FittedSweep>> fits = new HashMap<>();
        try (RootAllocator allocator = new RootAllocator()) {
            for (String cell : ShortRun.CELLS) {
                fits.put(cell, FitReader.lastPerCycle(FitReader.read(run, cell, allocator, new ArrayList<>())));
            }
        }
        int withSweep = 0;
        int without = 0;
        for (JsonNode r : rows) {
            FittedSweep sweep = fits.get(r.get("cell").asText()).get(r.get("cycle_count").asInt());
            if (sweep == null) {
                assertTrue(r.get("r_int_ohm").isNull(), r.toString());
                without++;
            } else {
                assertEquals(sweep.bulkOhm(), r.get("r_bulk_ohm").asDouble(), 0, r.toString());
                assertEquals(sweep.grainBoundaryOhm(), r.get("r_gb_ohm").asDouble(), 0, r.toString());
                assertEquals(sweep.interfaceOhm(), r.get("r_int_ohm").asDouble(), 0, r.toString());
                withSweep++;
            }
        }
        assertTrue(withSweep >= 3, withSweep + " cycles with a sweep, " + without + " without");
        Console table = Console.run("data", "cycles", run.toString(), "--cell", "coin-1");
        assertTrue(table.out().lines().findFirst().orElseThrow().contains("R_int Ohm"), table.out());
    }

    /**
     * The run command returns only after the fits still queued at its end are made: the last sweep
     * of each cell (the protocol's final step, measured moments before the cell ends) is fitted,
     * and its cycle's row in cycles.arrows, rewritten once the cell's fits are done, carries
     * R_bulk, R_gb and R_int equal to fitting that recorded sweep here afterwards. A run that
     * closed its files without waiting for the fit worker would return with that row empty.
     */
    @Test
    void theRunReturnsOnlyWhenItsLastSweepIsFittedIntoCyclesArrows() throws Exception {
        SweepAnalysis analysis = new SweepAnalysis(FitRequest.of(CIRCUIT));
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(run)) {
            for (String cell : ShortRun.CELLS) {
                List<Spectrum> spectra = reader.spectra(cell);
                Spectrum last = spectra.getLast();
                FitRow expected = analysis.fit(spectra.size(), last);
                List<io.cellbench.core.data.CycleSummary> cycles = cyclesArrows(cell, allocator);
                var row = cycles.stream().filter(c -> c.cycleCount() == last.cycleCount()).findFirst()
                        .orElseThrow(() -> new AssertionError(cell + ": no cycle " + last.cycleCount()));
                assertEquals(expected.fit().value("R0"), row.bulkResistanceOhm(), 0, cell + " R_bulk");
                assertEquals(expected.fit().value("R1"), row.grainBoundaryResistanceOhm(), 0, cell + " R_gb");
                assertEquals(expected.fit().value("R2"), row.interfaceResistanceOhm(), 0, cell + " R_int");
            }
        }
    }

    /**
     * The fits thread lowered itself to SCHED_IDLE without a notice, and left no thread of the
     * process in that class: a thread it had started (a virtual threads' carrier, say) would have
     * inherited it, and the cells run on those.
     */
    @Test
    void theFitsThreadWasLoweredAndNoThreadItLeftBehindIsSchedIdle() throws Exception {
        String events = java.nio.file.Files.readString(run.resolve(io.cellbench.daq.run.RunLayout.EVENTS));
        assertTrue(!events.contains("impedance fits run at the cells' own priority"), events);
        List<String> idle = new ArrayList<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                long tid = Long.parseLong(task.getFileName().toString());
                try {
                    if (io.cellbench.daq.impedance.IdleScheduling.read(tid).policy()
                            == io.cellbench.daq.impedance.IdleScheduling.SCHED_IDLE) {
                        idle.add(java.nio.file.Files.readString(task.resolve("comm")).trim() + " " + tid);
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // a thread that ended while the list was read
                }
            }
        }
        assertEquals(List.of(), idle);
    }

    @Test
    void cyclesArrowsAndCsvCarryTheResistancesOfEachCyclesLastSweep() throws Exception {
        int withSweep = 0;
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(run)) {
            for (String cell : ShortRun.CELLS) {
                Map<Integer, FittedSweep> fits = FitReader.lastPerCycle(FitReader.read(run, cell, allocator,
                        new ArrayList<>()));
                List<io.cellbench.core.data.CycleSummary> cycles = cyclesArrows(cell, allocator);
                assertEquals(reader.cycles(cell).size(), cycles.size(), cell);
                for (var c : cycles) {
                    FittedSweep sweep = fits.get(c.cycleCount());
                    if (sweep == null) {
                        assertTrue(Double.isNaN(c.interfaceResistanceOhm()), cell + " cycle " + c.cycleCount());
                    } else {
                        assertEquals(sweep.bulkOhm(), c.bulkResistanceOhm(), 0, cell + " cycle " + c.cycleCount());
                        assertEquals(sweep.grainBoundaryOhm(), c.grainBoundaryResistanceOhm(), 0);
                        assertEquals(sweep.interfaceOhm(), c.interfaceResistanceOhm(), 0);
                        withSweep++;
                    }
                }
                List<String> csv = java.nio.file.Files.readAllLines(
                        io.cellbench.daq.run.RunLayout.cellDirectory(run, cell).resolve("cycles.csv"));
                assertTrue(csv.getFirst().endsWith(",R_bulk / Ohm,R_gb / Ohm,R_int / Ohm"), csv.getFirst());
                assertEquals(cycles.size() + 1, csv.size(), "a header and a line per cycle, none twice");
            }
        }
        assertTrue(withSweep >= 3, withSweep + " cycles with a fitted sweep");
    }

    /** The cell's cycles.arrows as the run left it, read to its end (the run closed it). */
    private static List<io.cellbench.core.data.CycleSummary> cyclesArrows(String cell, RootAllocator allocator)
            throws java.io.IOException {
        List<io.cellbench.core.data.CycleSummary> cycles = new ArrayList<>();
        var report = io.cellbench.daq.arrow.ArrowCycleReader.read(
                io.cellbench.daq.run.RunLayout.cellDirectory(run, cell).resolve("cycles.arrows"), allocator, cycles::add);
        assertTrue(report.clean(), cell + ": cycles.arrows was not read to its end: " + report.warnings());
        return cycles;
    }
}
