package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Notice;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunEvent.SpectrumMeasured;
import io.cellbench.core.data.RunEvent.StepEnded;
import io.cellbench.core.data.RunEvent.StepStarted;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.arrow.ReadReport;
import io.cellbench.daq.cycles.CycleStatistics;
import io.cellbench.daq.testing.ArrowFilesTest;
import io.cellbench.daq.testing.CyclingCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunDirectorySinkTest extends ArrowFilesTest {
    static final double T0 = 1_767_225_600.0;
    static final RunInfo RUN = new RunInfo("run-2026-01-01-a", Instant.ofEpochSecond((long) T0), "0.1.0-test",
            Map.of("A1", "cycler sim ch1; eis sim via mux 1", "B2", "cycler sim ch2"));
    static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER).withBatchRows(64);
    static final ObjectMapper JSON = new ObjectMapper();

    static RunStarted started(String cellId, boolean resumed) {
        return new RunStarted(cellId, T0, new CellInfo(cellId, "coin", "NMC811|Li6PS5Cl|Li-In", 0.002,
                Double.NaN, Double.NaN, "pressed at 375 MPa"), "formation", "Charge at C/10 until 3.7 V\n…", resumed);
    }

    static Spectrum spectrum(double t, int cycle) {
        return new Spectrum(t, T0 + t, cycle, 1, 1, 25e6, 25.0, List.of(
                new ImpedancePoint(1e5, 20, -5), new ImpedancePoint(1e3, 60, -25), new ImpedancePoint(1, 200, -10)));
    }

    /** What one cell sends: per cycle a step start, its samples, a spectrum, a step end. */
    record CellScript(List<RunEvent> events, List<Sample> samples, List<Spectrum> spectra) {
    }

    static CellScript script(String cellId, CyclingCell cell, int cycles, int points) {
        List<RunEvent> events = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<Spectrum> spectra = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            int cycle = cell.cycleCount();
            double start = cell.testTime();
            events.add(new StepStarted(cellId, start, 2 * cycle - 1, 1, cycle, "Charge at 1 mA until 4.2 V"));
            List<Sample> cycleSamples = cell.cycle(points);
            for (Sample s : cycleSamples) {
                events.add(new SampleRecorded(cellId, s));
            }
            samples.addAll(cycleSamples);
            Spectrum sp = spectrum(cell.testTime(), cycle);
            events.add(new SpectrumMeasured(cellId, sp));
            spectra.add(sp);
            events.add(new StepEnded(cellId, cell.testTime(), 2 * cycle, 2, "voltage <= 3.0 V"));
        }
        return new CellScript(events, samples, spectra);
    }

    static List<CycleSummary> expectedCycles(List<Sample> samples) {
        CycleStatistics stats = new CycleStatistics();
        List<CycleSummary> out = new ArrayList<>();
        samples.forEach(s -> stats.add(s).ifPresent(out::add));
        stats.finish().ifPresent(out::add);
        return out;
    }

    @Test
    void twoCellsOnTwoThreadsFillTheirOwnFilesAndShareTheEventLog() throws Exception {
        Path run = dir.resolve("run");
        CellScript a1 = script("A1", new CyclingCell(0.001, 10, T0), 3, 150);
        CellScript b2 = script("B2", new CyclingCell(0.002, 5, T0), 4, 100);

        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (var entry : Map.of("A1", a1, "B2", b2).entrySet()) {
                done.add(threads.submit(() -> {
                    String id = entry.getKey();
                    sink.on(started(id, false));
                    entry.getValue().events().forEach(sink::on);
                    sink.on(new Notice(id, 1.0, Severity.WARNING, "pressure drifted to 24.1 MPa"));
                    sink.on(new RunEnded(id, 99_999, Outcome.COMPLETED, "all steps done"));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        for (String f : List.of("run.json", "events.jsonl", "cells/A1/samples.arrows", "cells/A1/spectra.arrows",
                "cells/A1/cycles.arrows", "cells/A1/cycles.csv", "cells/B2/samples.arrows")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }

        JsonNode manifest = JSON.readTree(run.resolve("run.json").toFile());
        assertEquals("run-2026-01-01-a", manifest.get("run_id").asText());
        assertEquals("2026-01-01T00:00:00Z", manifest.get("start_time").asText());
        assertEquals("0.1.0-test", manifest.get("cellbench_version").asText());
        assertEquals(2, manifest.get("cells").size());
        for (JsonNode cell : manifest.get("cells")) {
            assertEquals("COMPLETED", cell.get("outcome").asText());
            assertEquals("cells/" + cell.get("id").asText(), cell.get("directory").asText());
            assertEquals(0.002, cell.get("nominal_capacity_ah").asDouble());
            assertTrue(cell.get("area_square_metre").isNull()); // unknown: null, never NaN
            assertEquals("formation", cell.get("protocol_name").asText());
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            lines.add(JSON.readTree(line)); // every line whole, despite two writers
        }
        // per cell: RunStarted, (StepStarted + StepEnded) per cycle, Notice, RunEnded
        assertEquals((1 + 2 * 3 + 1 + 1) + (1 + 2 * 4 + 1 + 1), lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.get("type").asText().contains("Sample")));
        assertTrue(lines.stream().noneMatch(l -> l.get("type").asText().contains("Spectrum")));
        JsonNode firstStep = lines.stream()
                .filter(l -> l.get("type").asText().equals("StepStarted") && l.get("cell_id").asText().equals("A1"))
                .findFirst().orElseThrow();
        assertEquals(0.0, firstStep.get("test_time_second").asDouble());
        assertEquals(T0, firstStep.get("unix_time_second").asDouble());
        assertEquals("Charge at 1 mA until 4.2 V", firstStep.get("description").asText());

        try (RunReader reader = RunReader.open(run, allocator)) {
            assertEquals(List.of("A1", "B2").stream().sorted().toList(), reader.cells().stream().sorted().toList());
            for (var entry : Map.of("A1", a1, "B2", b2).entrySet()) {
                List<Sample> samples = new ArrayList<>();
                ReadReport report = reader.samples(entry.getKey(), samples::add);
                assertEquals(entry.getValue().samples(), samples);
                assertTrue(report.clean(), report.warnings().toString());
                assertEquals(entry.getValue().spectra(), reader.spectra(entry.getKey()));
                List<CycleSummary> cycles = reader.cycles(entry.getKey());
                assertEquals(expectedCycles(entry.getValue().samples()), cycles);
            }
            assertEquals(3, reader.cycles("A1").size());
            CycleSummary first = reader.cycles("A1").getFirst();
            assertEquals(0.001 * 10 * 149 / 3600, first.chargeCapacityAh(), 1e-12);
            assertEquals(4.2, first.endChargeVoltageVolt(), 1e-12);
            assertEquals(3.0, first.endDischargeVoltageVolt(), 1e-12);
            assertEquals(4, Files.readAllLines(run.resolve("cells/A1/cycles.csv")).size()); // header + 3 cycles
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..", "", "x\\y", "c:1", " A1", "A\n1"})
    void aCellIdThatCannotNameADirectoryIsRefusedClearly(String id) throws IOException {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator)) {
            RunStarted start = new RunStarted(id, T0, new CellInfo("x", "", "", 1, 0, 0, ""), "p", "", false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sink.on(start));
            assertTrue(e.getMessage().startsWith("cell id"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot name a directory"), e.getMessage());
        }
        try (var files = Files.list(run.resolve("cells"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void pathSeparatorsAreNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellIds.requireValid("../A1"));
        assertEquals("cell id \"../A1\" cannot name a directory: it contains the path separator '/'; use letters,"
                + " digits, '-', '_', '.' or spaces (e.g. \"A1\", \"NMC811-LPSCl-03\")", e.getMessage());
        assertEquals("NMC811 #3.b_x-1", CellIds.requireValid("NMC811 #3.b_x-1"));
    }

    @Test
    void aSampleForACellThatNeverStartedIsAnError() throws IOException {
        try (RunDirectorySink sink = RunDirectorySink.open(dir.resolve("run"), RUN, OPTIONS, allocator)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> sink.on(new SampleRecorded("Z9", new CyclingCell(0.001, 1, T0).cycle(2).getFirst())));
            assertTrue(e.getMessage().startsWith("cell Z9: SampleRecorded before its RunStarted"), e.getMessage());
        }
    }

    @Test
    void aDirectoryHoldingAnotherRunIsRefused() throws IOException {
        Path run = dir.resolve("run");
        RunDirectorySink.open(run, RUN, OPTIONS, allocator).close();
        IOException e = assertThrows(IOException.class, () -> RunDirectorySink.open(run,
                new RunInfo("other-run", Instant.now(), "0.1.0"), OPTIONS, allocator));
        assertTrue(e.getMessage().contains("already holds run \"run-2026-01-01-a\""), e.getMessage());
    }

    @Test
    void startingACellAfreshWhereItHasDataIsRefused() throws IOException {
        Path run = dir.resolve("run");
        CyclingCell cell = new CyclingCell(0.001, 10, T0);
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator)) {
            sink.on(started("A1", false));
            cell.cycle(10).forEach(s -> sink.on(new SampleRecorded("A1", s)));
        }
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.on(started("A1", false)));
            assertTrue(e.getMessage().contains("already has recorded data"), e.getMessage());
        }
        assertFalse(Files.exists(run.resolve("cells/A1/samples-0001.arrows")));
    }

    @Test
    void closingWithoutRunEndedSummarisesTheCycleInProgressAndRecordsNoOutcome() throws IOException {
        Path run = dir.resolve("run");
        CyclingCell cell = new CyclingCell(0.001, 10, T0);
        List<Sample> sent = new ArrayList<>(cell.cycle(20));
        sent.addAll(cell.cycle(20).subList(0, 25)); // cycle 2 interrupted during its discharge
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator)) {
            sink.on(started("A1", false));
            sent.forEach(s -> sink.on(new SampleRecorded("A1", s)));
        }
        try (RunReader reader = RunReader.open(run, allocator)) {
            List<CycleSummary> cycles = new ArrayList<>();
            ReadReport report = reader.cycles("A1", cycles::add);
            assertTrue(report.clean(), "read from cycles.arrows: " + report.warnings());
            assertEquals(expectedCycles(sent), cycles);
            assertEquals(2, cycles.size());
            assertTrue(reader.manifest().cell("A1").orElseThrow().outcome().isEmpty());
        }
    }

    @Test
    void aWriteFailureNamesTheCellAndTheFile() throws IOException {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator)) {
            Files.writeString(run.resolve("cells/A1"), "a file where the cell's directory must go");
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> sink.on(started("A1", false)));
            assertTrue(e.getMessage().startsWith("cell A1: cannot write its files to " + run.resolve("cells/A1")),
                    e.getMessage());
        }
    }
}
