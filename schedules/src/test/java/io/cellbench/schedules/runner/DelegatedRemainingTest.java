package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellbench.core.data.RunEvent;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void theStatusSaysWhatIsLeftAtEveryStepTheCyclerBegins() throws Exception {
        Protocol protocol = BtsBench.protocol("timed pulses", """
                  - Rest for 2 minutes
                  - Repeat 3 times:
                    - Charge at C/5 for 1 minute
                    - Rest for 1 minute
                """);
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
}
