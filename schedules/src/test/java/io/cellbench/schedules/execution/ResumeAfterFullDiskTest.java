package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ResumePlan;
import io.cellbench.schedules.journal.RunJournal;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The disk fills up at the exact moment that duplicated a sample now and then in FullDiskTest
 * (a timed rest's last sample twice, at one test time): a timed step has run out its time, its
 * last sample (at the time limit) is buffered, and the journal write at the start of the next
 * step fails. The cell stops; closing its files writes the buffered samples, so the data end
 * at the timed step's last sample while the journal is still in that step. Resume moves the
 * position on to that sample and, as fast as possible, the cell's clock resumes at its time:
 * the continued step, its time already up, must end there without recording that moment a
 * second time.
 *
 * <p>Everything is real but the failure: a run directory with the command line's batching,
 * the journal, resume's plan, a simulated coin cell on a virtual clock. The failure is the
 * journal's own write failing (its temporary file cannot be written), as on a full disk.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResumeAfterFullDiskTest {
    private static final String CELL = "coin-1";
    private static final double T0 = 1.7e9;
    /** As the command line records a run: the journal writes every batch (see ScheduleSession). */
    private static final int JOURNAL_ROWS = ArrowWriteOptions.DEFAULT_BATCH_ROWS;
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS
            .withMaxBufferedSeconds(Double.POSITIVE_INFINITY).withBatchRows(4 * JOURNAL_ROWS);

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"Rest for 5 minutes", "Charge at C/5 for 5 minutes",
            "Charge at 2C until 2.6 V then hold until C/1000 or 5 minutes"})
    void aTimedStepWhoseLastSampleReachedTheDiskAfterTheJournalEndsOnResumeWithoutThatSampleTwice(String timed)
            throws Exception {
        Protocol protocol = ProtocolLoader.parse("""
                name: timed step, then a rest
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 60 s
                  sample_period: 1 s
                steps:
                  - %s
                  - Rest for 1 minute
                """.formatted(timed), "timed.yaml");
        CellInfo info = CellParameters.coin().withVariation(1).toCellInfo(CELL);
        Schedule schedule = new Schedule("full disk", "schedule.yaml", List.of(new ScheduledCell(
                new SourceLocation("schedule.yaml", 1, 1), info, protocol, new ScheduledCell.Simulation("coin", 1, 70e6))));
        RunInfo run = new RunInfo("run-full-disk", Instant.ofEpochSecond((long) T0), "test");
        Path dir = tmp.resolve("run");
        Path blocked = JournalFiles.cellFile(dir, CELL).resolveSibling(CELL + ".json.tmp");

        List<Sample> before;
        try (BufferAllocator allocator = new RootAllocator()) {
            try (RunDirectorySink sink = RunDirectorySink.open(dir, run, OPTIONS, allocator)) {
                RunJournal journal = new RunJournal(dir, sink::flush, InstrumentState.NONE, JOURNAL_ROWS, Map.of());
                ScheduleRunner first = new ScheduleRunner(schedule, bench(T0), sink,
                        new FullAtStep(journal, 2, blocked));
                assertEquals(Outcome.STOPPED, first.run().get(CELL), "the cell stops when its journal cannot be written");
            }
            JournalEntry journaled = JournalFiles.readEntry(dir, CELL).orElseThrow();
            before = samples(dir);
            assertEquals(1, journaled.position().counters().stepCount(), "the journal is still in the timed step");
            Sample last = before.getLast();
            assertEquals(1, last.stepCount());
            assertEquals(300, last.testTimeSecond() - journaled.position().stepStartTestTimeSecond(), 1e-6,
                    "the timed step's last sample, at its time limit, reached the disk when the files closed");

            Files.delete(blocked.resolve("full")); // room again
            Files.delete(blocked);
            ResumePlan.Continue plan = assertInstanceOf(ResumePlan.Continue.class,
                    ResumePlan.plan(dir, List.of(CELL)).get(CELL));
            RunPosition from = plan.entry().position();
            assertEquals(last.testTimeSecond(), from.testTimeSecond(), "resume continues from the data");
            try (RunDirectorySink sink = RunDirectorySink.open(dir, run, OPTIONS, allocator)) {
                RunJournal journal = new RunJournal(dir, sink::flush, InstrumentState.NONE, JOURNAL_ROWS,
                        Map.of(CELL, plan.entry()));
                // As fast as possible, the cell's clock goes on at its position: an interruption of 0 s.
                ScheduleRunner resumed = new ScheduleRunner(schedule, bench(from.runStartUnixSecond()
                        + from.testTimeSecond()), sink, journal);
                assertEquals(Outcome.COMPLETED, resumed.run().get(CELL));
            }
        }
        List<Sample> all = samples(dir);
        List<String> twice = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            if (!(all.get(i).testTimeSecond() > all.get(i - 1).testTimeSecond())) {
                twice.add(describe(all.get(i - 1)) + " then " + describe(all.get(i)));
            }
        }
        assertEquals(List.of(), twice, "test time goes on, no sample twice");
        assertEquals(List.of(1, 2), all.stream().map(Sample::stepCount).distinct().toList());
        assertEquals(before.size(), all.stream().filter(s -> s.stepCount() == 1).count(),
                "the timed step's samples are those it had, the last at its time limit: none after the resume");
    }

    private static String describe(Sample s) {
        return "[test time " + s.testTimeSecond() + " s, step " + s.stepCount() + ", " + s.voltageVolt() + " V]";
    }

    private static List<Sample> samples(Path dir) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (RunReader reader = RunReader.open(dir)) {
            reader.samples(CELL, out::add);
        }
        return out;
    }

    /** A simulated coin cell whose virtual clock starts at {@code startUnixSecond}. */
    private static InstrumentProvider bench(double startUnixSecond) {
        return cell -> {
            VirtualClock clock = new VirtualClock(startUnixSecond);
            SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), cell.simulation().seed(),
                    cell.simulation().initialPressurePa(), clock);
            return new CellInstruments(clock, bench.channel(), null, 0, null, null, bench);
        };
    }

    /**
     * The run's journal (of a fresh run), whose writes fail from the start of step {@code
     * stepCount} on: its temporary file becomes a directory there, so writing it fails as on a
     * full disk.
     */
    private record FullAtStep(RunJournal journal, int stepCount, Path blocked) implements CellJournaling {
        @Override
        public PositionListener journal(ScheduledCell cell, CellInstruments instruments) {
            PositionListener real = journal.journal(cell, instruments);
            return new PositionListener() {
                @Override
                public void at(RunPosition position, boolean boundary) {
                    if (boundary && position.counters().stepCount() == stepCount) {
                        try {
                            Files.createDirectories(blocked.resolve("full"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    real.at(position, boundary);
                }

                @Override
                public void ended(RunEvent.Outcome outcome, RunPosition last) {
                    real.ended(outcome, last);
                }
            };
        }

        @Override
        public RunPosition resumeFrom(ScheduledCell cell, CellInstruments instruments) {
            return journal.resumeFrom(cell, instruments);
        }
    }
}
