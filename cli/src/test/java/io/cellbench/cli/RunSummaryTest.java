package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary of a run names why a cell did not complete, also when it never got as far as its files. */
class RunSummaryTest {
    @TempDir
    Path tmp;

    @Test
    void aCellWhoseInstrumentsWouldNotOpenIsSummarisedWithItsFaultReason() throws Exception {
        Schedule schedule = ScheduleLoader.load(ShortRun.write(tmp.resolve("inputs")));
        Path dir = tmp.resolve("run");
        SimulatedInstruments simulated = new SimulatedInstruments(1.7e9, Double.POSITIVE_INFINITY);
        Map<String, RunEvent.Outcome> outcomes;
        try (RunDirectorySink sink = RunDirectorySink.open(dir, new RunInfo("run-1", Instant.EPOCH, "test"))) {
            outcomes = new ScheduleRunner(schedule, cell -> {
                if (cell.info().id().equals("coin-2")) {
                    throw new InstrumentException("keithley-7", "connect", "tcp 10.0.0.7:5025: Connection refused");
                }
                return simulated.open(cell);
            }, sink).run();
        }
        assertEquals(RunEvent.Outcome.FAULT, outcomes.get("coin-2"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = RunSummary.print(dir, outcomes, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(RunSummary.NOT_ALL_COMPLETED, code);
        String line = out.lines().filter(l -> l.contains("coin-2")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertEquals("  coin-2  fault        (cannot open instruments: keithley-7: 'connect': tcp 10.0.0.7:5025:"
                + " Connection refused)", line);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  coin-1  completed")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  coin-3  completed")), out);
    }

    @Test
    void aSweepThatStopsAboveTheArcsGivesNoResistanceFigure() {
        // 10 kHz to 100 Hz on a coin cell: -Z'' only falls, there is no minimum between the arcs
        java.util.List<io.cellbench.core.instrument.ImpedancePoint> quick = java.util.List.of(
                new io.cellbench.core.instrument.ImpedancePoint(10_000, 40, -30),
                new io.cellbench.core.instrument.ImpedancePoint(3_000, 55, -35),
                new io.cellbench.core.instrument.ImpedancePoint(1_000, 70, -38),
                new io.cellbench.core.instrument.ImpedancePoint(300, 90, -40),
                new io.cellbench.core.instrument.ImpedancePoint(100, 110, -41));
        io.cellbench.core.data.Spectrum s = new io.cellbench.core.data.Spectrum(0, 0, 1, 1, 1, 1e7, 25, quick);
        String line = RunSummary.cellLine("cell-1", 6, RunEvent.Outcome.COMPLETED, java.util.List.of(),
                java.util.List.of(s, s));
        assertTrue(!line.contains("R(bulk+interface)") && !line.contains("NaN"), line);
    }
}
