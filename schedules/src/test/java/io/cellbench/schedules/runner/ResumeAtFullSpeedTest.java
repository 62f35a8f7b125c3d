package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run resumed as fast as possible goes on with an interruption of 0 s: the cell's clock
 * starts at the time of its last sample on disk. Whatever the runner records first after the
 * resume must still come after that sample, as records do within one process.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResumeAtFullSpeedTest {
    private static final double ON_DISK = 120;

    @Test
    void aCellResumedPausedByTheOperatorRecordsNothingAtTheTimeOfItsLastSampleOnDisk() {
        Harness h = new Harness();
        double ah = 0.001 * ON_DISK / 3600;
        // In a timed charge, its last sample on disk at test time 120 s, which is the clock's now.
        RunPosition from = new RunPosition(List.of(0), List.of(), 1, RunPosition.Phase.MAIN, Harness.T0 - ON_DISK, 0,
                ON_DISK, 0, new RunPosition.Counts(1, 1, false, ah, 0, ah, ah, ah, ah * 3.5, 0, ah * 3.5, ah * 3.5,
                ah * 3.5));
        ProtocolRunner runner = new ProtocolRunner(CellSetup.builder(Harness.CELL,
                P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 600), P.rest(60)), h.cell, h.clock, h.events)
                .resumeFrom(from).build());
        // The operator's pause, kept across the interruption: the cell resumes held, before its command.
        runner.hold("operator", "checking the crimp");
        h.events.onSample = n -> runner.release("operator");

        assertEquals(Outcome.COMPLETED, runner.run());
        List<Sample> samples = h.events.samples();
        assertTrue(samples.getFirst().testTimeSecond() > ON_DISK,
                "the first record after the resume comes after the last one on disk: " + samples.getFirst());
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i).testTimeSecond() > samples.get(i - 1).testTimeSecond(), samples.get(i).toString());
        }
    }

}
