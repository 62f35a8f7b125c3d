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
                0.002, java.util.List.of(s, s));
        assertTrue(!line.contains("R(bulk+interface)") && !line.contains("NaN"), line);
    }

    private static io.cellbench.core.data.CycleSummary cycle(int n, double chargeMah, double dischargeMah) {
        return new io.cellbench.core.data.CycleSummary(n, 0, 3600, chargeMah / 1000, dischargeMah / 1000, 0, 0,
                chargeMah > 0 ? dischargeMah / chargeMah : Double.NaN, Double.NaN, 3.5, 3.4, 3.7, 1.9, Double.NaN, Double.NaN);
    }

    @Test
    void aProtocolOfPulsesHasNoFormationFigure() {
        // issue 11: "formation: 0.184 mAh, CE 9.2 %" for a protocol of short pulses on a 2 mAh cell
        String line = RunSummary.cellLine("coin-1", 6, RunEvent.Outcome.COMPLETED,
                java.util.List.of(cycle(1, 2.0, 0.184), cycle(2, 0.2, 0.18), cycle(3, 0.2, 0.18)), 0.002,
                java.util.List.of());
        assertTrue(!line.contains("formation") && !line.contains("cycling"), line);
        String formed = RunSummary.cellLine("coin-1", 6, RunEvent.Outcome.COMPLETED,
                java.util.List.of(cycle(1, 2.4, 2.03), cycle(2, 1.72, 1.718), cycle(3, 1.71, 1.71)), 0.002,
                java.util.List.of());
        assertTrue(formed.contains("formation: 2.030 mAh, CE 84.6 %"), formed);
        assertTrue(formed.contains("cycling: 1.718 -> 1.710 mAh (99.5 % retained)"), formed);
    }

    @Test
    void aStoppedRunsSummaryLeavesOutTheCycleTheStopCutShort() {
        // issue 11: a stopped run said "1.718 -> 0.000 mAh (0.0 % retained)"
        java.util.List<io.cellbench.core.data.CycleSummary> cycles = java.util.List.of(cycle(1, 2.4, 2.03),
                cycle(2, 1.72, 1.718), cycle(3, 1.71, 1.712), cycle(4, 1.70, 0.0004));
        String line = RunSummary.cellLine("coin-1", 6, RunEvent.Outcome.STOPPED, cycles, 0.002, java.util.List.of());
        assertTrue(line.contains("cycling: 1.718 -> 1.712 mAh (99.7 % retained)"), line);
        assertTrue(!line.contains("0.000"), line);
        // stopped in its second cycle: no retention to speak of
        String early = RunSummary.cellLine("coin-1", 6, RunEvent.Outcome.STOPPED, cycles.subList(0, 2), 0.002,
                java.util.List.of());
        assertTrue(early.contains("formation: 2.030 mAh") && !early.contains("cycling"), early);
    }
}
