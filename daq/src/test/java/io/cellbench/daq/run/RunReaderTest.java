package io.cellbench.daq.run;

import static io.cellbench.daq.run.RunDirectorySinkTest.OPTIONS;
import static io.cellbench.daq.run.RunDirectorySinkTest.RUN;
import static io.cellbench.daq.run.RunDirectorySinkTest.T0;
import static io.cellbench.daq.run.RunDirectorySinkTest.expectedCycles;
import static io.cellbench.daq.run.RunDirectorySinkTest.spectrum;
import static io.cellbench.daq.run.RunDirectorySinkTest.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.RunEvent.SpectrumMeasured;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ReadReport;
import io.cellbench.daq.testing.ArrowFilesTest;
import io.cellbench.daq.testing.CyclingCell;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

class RunReaderTest extends ArrowFilesTest {
    /** Copies a run directory as it is at this moment: what a crash would leave on disk. */
    private static void snapshot(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    @Test
    void aSamplesFileTornMidBatchStillReadsEveryCompleteBatch() throws IOException {
        Path run = dir.resolve("run");
        CyclingCell cell = new CyclingCell(0.001, 10, T0);
        List<Sample> sent = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            sent.addAll(cell.cycle(100)); // 600 samples: 9 batches of 64, then one of 24
        }
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS.withMaxBufferedSeconds(1e9), allocator)) {
            sink.on(started("A1", false));
            sent.forEach(s -> sink.on(new SampleRecorded("A1", s)));
            sink.on(new RunEnded("A1", cell.testTime(), Outcome.COMPLETED, ""));
        }
        Path samples = run.resolve("cells/A1/samples.arrows");
        List<Long> ends = batchEnds(samples);
        assertEquals(10, ends.size());
        // kill -9 in the middle of writing the ninth batch: the file ends halfway through it
        truncate(samples, (ends.get(7) + ends.get(8)) / 2);

        try (RunReader reader = RunReader.open(run, allocator)) {
            List<Sample> read = new ArrayList<>();
            ReadReport report = reader.samples("A1", read::add);
            assertEquals(sent.subList(0, 8 * 64), read);
            assertEquals(8, report.batches());
            assertEquals(1, report.warnings().size());
            assertTrue(report.warnings().getFirst().contains("batch 9 is torn"), report.warnings().getFirst());
            // cycles.arrows was closed before the crash of the samples file: it still reads whole
            assertEquals(3, reader.cycles("A1").size());
        }
    }

    /** The file offset at which each record batch ends, read with plain Arrow. */
    private List<Long> batchEnds(Path file) throws IOException {
        List<Long> ends = new ArrayList<>();
        try (FileChannel in = FileChannel.open(file);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                ends.add(reader.bytesRead());
            }
        }
        return ends;
    }

    @Test
    void aResumedCellContinuesInNewSegmentsAndItsCyclesSpanTheCrash() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        CyclingCell cell = new CyclingCell(0.001, 10, T0);
        List<Sample> before = new ArrayList<>(cell.cycle(50));
        List<Sample> cycle2 = cell.cycle(50);
        before.addAll(cycle2.subList(0, 70)); // the crash comes during cycle 2's discharge
        List<Sample> after = new ArrayList<>(cycle2.subList(70, 100));
        after.addAll(cell.cycle(50));

        try (RunDirectorySink sink = RunDirectorySink.open(live, RUN, OPTIONS, allocator)) {
            sink.on(started("A1", false));
            before.forEach(s -> sink.on(new SampleRecorded("A1", s)));
            sink.on(new SpectrumMeasured("A1", spectrum(500, 1)));
            sink.flush();
            snapshot(live, crashed); // the process dies here: no RunEnded, no end markers
        }

        try (RunDirectorySink sink = RunDirectorySink.open(crashed, RUN, OPTIONS, allocator)) {
            sink.on(started("A1", true));
            after.forEach(s -> sink.on(new SampleRecorded("A1", s)));
            sink.on(new SpectrumMeasured("A1", spectrum(2000, 3)));
            sink.on(new RunEnded("A1", cell.testTime(), Outcome.COMPLETED, "done"));
        }

        Path cellDir = crashed.resolve("cells/A1");
        assertTrue(Files.exists(cellDir.resolve("samples-0001.arrows")));
        assertTrue(Files.exists(cellDir.resolve("spectra-0001.arrows")));
        try (RunReader reader = RunReader.open(crashed, allocator)) {
            List<Sample> all = new ArrayList<>(before);
            all.addAll(after);
            List<Sample> read = new ArrayList<>();
            ReadReport report = reader.samples("A1", read::add);
            assertEquals(all, read);
            assertEquals(1, report.warnings().size()); // segment 0 has no end marker
            assertTrue(report.warnings().getFirst().contains("samples.arrows: no end-of-stream marker"));

            List<CycleSummary> cycles = new ArrayList<>();
            assertTrue(reader.cycles("A1", cycles::add).clean(), "cycles.arrows was rewritten and closed");
            assertEquals(expectedCycles(all), cycles);
            assertEquals(3, cycles.size());
            assertEquals(before.get(100).testTimeSecond(), cycles.get(1).startTestTimeSecond()); // from before the crash
            assertEquals(4, Files.readAllLines(cellDir.resolve("cycles.csv")).size());

            List<Integer> indexes = new ArrayList<>();
            reader.spectra("A1", (index, s) -> indexes.add(index));
            assertEquals(List.of(1, 2), indexes);

            CellEntry entry = reader.manifest().cell("A1").orElseThrow();
            assertEquals(2, entry.starts());
            assertEquals(Outcome.COMPLETED, entry.outcome().orElseThrow());
        }
        List<String> events = Files.readAllLines(crashed.resolve("events.jsonl"));
        assertEquals(3, events.size()); // RunStarted, RunStarted (resumed), RunEnded
        assertTrue(events.get(1).contains("\"resumed\":true"), events.get(1));
    }

    @Test
    void cyclesAreRecomputedFromTheSamplesWhenTheirFileIsMissingOrUnfinished() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        CyclingCell cell = new CyclingCell(0.001, 10, T0);
        List<Sample> sent = new ArrayList<>(cell.cycle(40));
        sent.addAll(cell.cycle(40));
        sent.addAll(cell.cycle(40).subList(0, 10));
        try (RunDirectorySink sink = RunDirectorySink.open(live, RUN, OPTIONS, allocator)) {
            sink.on(started("A1", false));
            sent.forEach(s -> sink.on(new SampleRecorded("A1", s)));
            sink.flush();
            snapshot(live, crashed);
        }
        try (RunReader reader = RunReader.open(crashed, allocator)) {
            List<CycleSummary> cycles = new ArrayList<>();
            ReadReport report = reader.cycles("A1", cycles::add);
            assertEquals(expectedCycles(sent), cycles); // the interrupted third cycle included
            assertEquals(3, cycles.size());
            assertTrue(report.warnings().getFirst().contains("not closed by its writer"), report.warnings().toString());

            Files.delete(crashed.resolve("cells/A1/cycles.arrows"));
            cycles.clear();
            report = reader.cycles("A1", cycles::add);
            assertEquals(expectedCycles(sent), cycles);
            assertTrue(report.warnings().getFirst().contains("is missing"), report.warnings().toString());
        }
    }

    @Test
    void unknownCellsAndDirectoriesThatAreNoRunsAreReportedClearly() throws IOException {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, OPTIONS, allocator)) {
            sink.on(started("A1", false));
        }
        try (RunReader reader = RunReader.open(run, allocator)) {
            assertEquals(List.of("A1"), reader.cells());
            IOException e = assertThrows(IOException.class, () -> reader.samples("B7", s -> { }));
            assertEquals("run run-2026-01-01-a has no cell \"B7\" (no directory " + run.resolve("cells/B7")
                    + "); its cells are [A1]", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> reader.samples("../A1", s -> { }));
        }
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> RunReader.open(dir, allocator));
        assertTrue(e.getMessage().contains("is not a cellbench run directory"), e.getMessage());
    }
}
