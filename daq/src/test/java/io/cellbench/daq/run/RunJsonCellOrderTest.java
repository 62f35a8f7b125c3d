package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json lists the cells in the order the run gives ({@link RunInfo#cells()}: the schedule's),
 * not the order they start in, which varies from run to run; a resume keeps that order, and puts
 * in order a run.json written in start order.
 */
class RunJsonCellOrderTest {
    private static final List<String> ORDER = List.of("A1", "B2", "C3");

    @TempDir
    Path dir;

    private static RunInfo run(List<String> order) {
        RunInfo r = RunDirectorySinkTest.RUN;
        return new RunInfo(r.runId(), r.startTime(), r.cellbenchVersion(), r.instruments(), order);
    }

    private List<String> listed() throws IOException {
        return RunManifest.read(dir.resolve(RunLayout.RUN_JSON)).cells().stream().map(CellEntry::id).toList();
    }

    @Test
    void cellsStartedInAnotherOrderAreListedInTheRunsOrder() throws IOException {
        try (RunDirectorySink sink = RunDirectorySink.open(dir, run(ORDER))) {
            sink.on(RunDirectorySinkTest.started("C3", false));
            assertEquals(List.of("C3"), listed());
            sink.on(RunDirectorySinkTest.started("B2", false));
            sink.on(RunDirectorySinkTest.started("X9", false)); // in no order: after the cells the run names
            sink.on(RunDirectorySinkTest.started("A1", false));
            assertEquals(List.of("A1", "B2", "C3", "X9"), listed());
            sink.on(new RunEnded("A1", 10, Outcome.COMPLETED, "done"));
            assertEquals(List.of("A1", "B2", "C3", "X9"), listed());
        }
    }

    @Test
    void aResumeKeepsTheOrderAndOrdersARunJsonWrittenInStartOrder() throws IOException {
        try (RunDirectorySink sink = RunDirectorySink.open(dir, run(List.of()))) { // as cellbench wrote it before
            sink.on(RunDirectorySinkTest.started("C3", false));
            sink.on(RunDirectorySinkTest.started("A1", false));
            sink.on(new RunEnded("C3", 10, Outcome.COMPLETED, "done"));
        }
        assertEquals(List.of("C3", "A1"), listed());

        try (RunDirectorySink sink = RunDirectorySink.open(dir, run(ORDER))) {
            sink.on(RunDirectorySinkTest.started("A1", true));
            assertEquals(List.of("A1", "C3"), listed());
            sink.on(RunDirectorySinkTest.started("B2", false));
            assertEquals(ORDER, listed());
        }
        RunManifest manifest = RunManifest.read(dir.resolve(RunLayout.RUN_JSON));
        assertEquals(2, manifest.cell("A1").orElseThrow().starts(), "A1's resume is counted on its own entry");
        assertEquals(Outcome.COMPLETED, manifest.cell("C3").orElseThrow().outcome().orElseThrow());
    }
}
