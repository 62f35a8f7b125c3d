package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.protocols.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remaining time in the status: exact for timed steps (nested repeats included), a guess otherwise. */
class RemainingTimeTest {
    private final Harness h = new Harness();

    @Test
    void timedStepsInNestedRepeatsGiveTheExactRemainingTimeAtEverySample() {
        Protocol timed = P.protocol(P.WIDE, P.EVERY_SAMPLE, P.rest(5),
                P.repeat(2, P.chargeFor(0.001, 7), P.repeat(3, P.rest(2), P.dischargeFor(0.001, 3)), P.rest(4)),
                P.rest(6));
        ProtocolRunner before = new ProtocolRunner(CellSetup.builder(Harness.CELL, timed, h.cell, h.clock, h.events)
                .build());
        double total = 5 + 2 * (7 + 3 * (2 + 3) + 4) + 6;
        assertEquals(new RunnerStatus.Remaining(Double.NaN, total, false), before.status().remaining());

        List<double[]> seen = new ArrayList<>();
        h.events.onSample = n -> {
            RunnerStatus s = h.runner.status();
            seen.add(new double[] {s.testTimeSecond(), s.remaining().totalSecond(), s.remaining().guess() ? 1 : 0});
        };
        assertEquals(RunEvent.Outcome.COMPLETED, h.run(timed));
        double end = h.events.ended().testTimeSecond();
        assertEquals(total, end, 1e-9);
        for (double[] s : seen) {
            assertEquals(end - s[0], s[1], 1e-9, "at " + s[0] + " s");
            assertEquals(0, s[2], "never a guess: every step is timed");
        }
    }

    @Test
    void aStepThatEndsOnAVoltageIsAGuessFromTheCapacityAtItsCurrent() {
        // 2 mAh at 1 mA: two hours
        Protocol charge = P.protocol(P.rest(60), P.charge(0.001, P.volt(null, 3.9)));
        RunnerStatus.Remaining whole = ProtocolRunner.expectedDuration(charge, Harness.CELL);
        assertTrue(whole.guess());
        assertEquals(60 + 2 * 3600, whole.totalSecond(), 1e-6);
        Protocol capped = P.protocol(P.chargeFor(0.001, 1800, P.volt(null, 3.9)));
        assertEquals(1800, ProtocolRunner.expectedDuration(capped, Harness.CELL).totalSecond(), 1e-6,
                "capped by its own time limit");
        assertFalse(ProtocolRunner.expectedDuration(P.protocol(P.rest(60)), Harness.CELL).guess());
    }
}
