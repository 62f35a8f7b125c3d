package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.protocols.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** step_count, step_index and cycle_count through nested repeats. */
class RepeatNumberingTest {

    /*
     *  1  Rest 5 s                       index 1
     *     Repeat 2 times:
     *  2    Charge 5 s                   index 2
     *       Repeat 2 times:
     *  3      Rest 3 s                   index 3
     *  4      Discharge 5 s              index 4
     *  5    Rest 2 s                     index 5
     *  6  Charge 5 s                     index 6
     */
    private static Protocol nested() {
        return P.protocol(P.rest(5),
                P.repeat(2, P.chargeFor(0.001, 5), P.repeat(2, P.rest(3), P.dischargeFor(0.001, 5)), P.rest(2)),
                P.chargeFor(0.001, 5));
    }

    @Test
    void nestedRepeatsCountStepsIndexThemByPositionAndAdvanceCyclesArbinStyle() {
        Harness h = new Harness();
        h.run(nested());
        List<RunEvent.StepStarted> started = h.events.of(RunEvent.StepStarted.class);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14),
                started.stream().map(RunEvent.StepStarted::stepCount).toList());
        assertEquals(List.of(1, 2, 3, 4, 3, 4, 5, 2, 3, 4, 3, 4, 5, 6),
                started.stream().map(RunEvent.StepStarted::stepIndex).toList());
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3),
                started.stream().map(RunEvent.StepStarted::cycleCount).toList());

        List<RunEvent.StepEnded> ended = h.events.of(RunEvent.StepEnded.class);
        for (int i = 0; i < started.size(); i++) {
            assertEquals(started.get(i).stepCount(), ended.get(i).stepCount());
            assertEquals(started.get(i).stepIndex(), ended.get(i).stepIndex());
        }
        for (Sample s : h.events.samples()) {
            RunEvent.StepStarted step = started.get(s.stepCount() - 1);
            assertEquals(step.stepIndex(), s.stepIndex());
            assertEquals(step.cycleCount(), s.cycleCount());
        }
        assertEquals(5 + 2 * (5 + 2 * (3 + 5) + 2) + 5, h.testTime());
    }

    @Test
    void theStatusKnowsHowManyStepsThePlanExecutes() {
        Harness h = new Harness();
        h.run(nested());
        assertEquals(14, h.runner.status().plannedStepCount());
        assertEquals(14, h.runner.status().stepCount());
        assertEquals(6, h.runner.status().stepIndex());
        assertEquals(3, h.runner.status().cycleCount());
    }

    @Test
    void stepsWrittenAlikeKeepTheirOwnIndex() {
        // The same record twice: numbered by position, not by equality.
        var rest = P.rest(1);
        Harness h = new Harness();
        h.run(P.protocol(rest, P.rest(2), rest));
        assertEquals(List.of(1, 2, 1), h.events.of(RunEvent.StepStarted.class).stream()
                .map(RunEvent.StepStarted::stepIndex).toList());
    }
}
