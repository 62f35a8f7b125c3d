package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellbench.core.data.RunEvent;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delegated cell's status says how long its protocol has left, as a directly driven cell's
 * does (the same {@link RemainingTime}): each step the cycler's records begin is placed in the
 * protocol, its repeats' passes counted, so a protocol of timed steps is known to the second.
 */
@Timeout(300) // a hang guard
class DelegatedRemainingTest {
    @TempDir
    Path share;

    /** Two minutes of rest, then three one-minute charges each followed by a minute of rest. */
    static final String PULSE_STEPS = """
              - Rest for 2 minutes
              - Repeat 3 times:
                - Charge at C/5 for 1 minute
                - Rest for 1 minute
            """;

    @Test
    void theStatusSaysWhatIsLeftAtEveryStepTheCyclerBegins() throws Exception {
        Protocol protocol = BtsBench.protocol("timed pulses", PULSE_STEPS);
        try (BtsBench b = new BtsBench(share, 100)) {
            List<RunnerStatus.Remaining> atStarts = new ArrayList<>();
            AtomicReference<DelegatedRunner> runner = new AtomicReference<>();
            DelegatedRunner r = b.runner(protocol, e -> {
                if (e instanceof RunEvent.StepStarted) {
                    atStarts.add(runner.get().status().remaining()); // the listener hears after the status moved
                }
            });
            runner.set(r);
            RunnerStatus.Remaining whole = r.status().remaining();
            assertEquals(480, whole.totalSecond(), 1e-9, "before the start: the whole protocol");
            assertEquals(RunEvent.Outcome.COMPLETED, r.run());
            assertEquals(7, atStarts.size(), atStarts.toString());
            double[] left = {480, 360, 300, 240, 180, 120, 60};
            for (int i = 0; i < left.length; i++) {
                assertEquals(left[i], atStarts.get(i).totalSecond(), 1e-6, "at step " + (i + 1) + ": " + atStarts);
                assertFalse(atStarts.get(i).guess(), "timed steps only: known, not guessed");
            }
        }
    }

    /**
     * A run resumed in the second pass of the repeat (from the journal written in its charge)
     * says at each step it begins what an uninterrupted run says there: the passes already run
     * are not counted again.
     */
    @Test
    void aRunResumedMidLoopSaysWhatAnUninterruptedRunSays() throws Exception {
        Protocol protocol = BtsBench.protocol("timed pulses", PULSE_STEPS);
        try (BtsBench b = new BtsBench(share, 100)) {
            List<RunEvent> events = new CopyOnWriteArrayList<>();
            AtomicReference<double[]> inSecondCharge = new AtomicReference<>();
            AtomicReference<RunPosition> at = new AtomicReference<>();
            ProgramLink link = new ProgramLink(b.bts.channel("27-21-1-1"));
            PositionListener journal = new PositionListener() {
                @Override
                public void at(RunPosition position, boolean boundary) {
                    double[] saved = link.saved();
                    if (events.stream().filter(e -> e instanceof RunEvent.StepStarted).count() == 4) {
                        inSecondCharge.set(saved); // the last write before the second pass's rest
                        at.set(position);
                    }
                }

                @Override
                public void ended(RunEvent.Outcome outcome, RunPosition last) {
                }
            };
            List<Double> uninterrupted = new ArrayList<>();
            AtomicReference<DelegatedRunner> first = new AtomicReference<>();
            first.set(new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"),
                    protocol, link, null, 0, b.clock, e -> {
                        events.add(e);
                        if (e instanceof RunEvent.StepStarted) {
                            uninterrupted.add(first.get().status().remaining().totalSecond());
                        }
                    }, null, journal, null)));
            assertEquals(RunEvent.Outcome.COMPLETED, first.get().run());
            assertEquals(List.of(480.0, 360.0, 300.0, 240.0, 180.0, 120.0, 60.0), uninterrupted);
            assertEquals(2, at.get().stepIndex(), "journaled in the charge");

            // Resumed from that journal: the cycler's test has ended meanwhile; the resumed run
            // re-attaches, downloads the rest of its records and begins the steps after the charge.
            ProgramLink resumed = new ProgramLink(b.bts.channel("27-21-1-1"));
            resumed.restore(inSecondCharge.get(), null);
            List<Double> left = new ArrayList<>();
            AtomicReference<DelegatedRunner> runner = new AtomicReference<>();
            AtomicReference<Double> atResume = new AtomicReference<>();
            runner.set(new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"), protocol,
                    resumed, null, 0, b.clock, e -> {
                        if (e instanceof RunEvent.RunStarted) { // the open step, from its start: the charge of pass 2
                            atResume.set(runner.get().status().remaining().totalSecond());
                        }
                        if (e instanceof RunEvent.StepStarted) {
                            left.add(runner.get().status().remaining().totalSecond());
                        }
                    }, null, null, at.get())));
            assertEquals(RunEvent.Outcome.COMPLETED, runner.get().run());
            assertEquals(uninterrupted.get(3), atResume.get(), "on resuming, in the second pass's charge");
            assertEquals(uninterrupted.subList(4, 7), left, "the rest of pass 2, then pass 3: as the uninterrupted run");
        }
    }
}
