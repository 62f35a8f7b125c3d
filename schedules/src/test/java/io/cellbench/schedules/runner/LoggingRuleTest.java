package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.protocols.model.LoggingRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which samples become recorded points. */
class LoggingRuleTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final Harness h = new Harness();

    private List<Double> times() {
        return h.events.samples().stream().map(Sample::testTimeSecond).toList();
    }

    @Test
    void recordsWhenTheTimeSinceTheLastRecordReachesThePeriod() {
        h.run(P.protocol(P.WIDE, new LoggingRule(10, INF, INF, 1), P.rest(35)));
        assertEquals(List.of(1.0, 11.0, 21.0, 31.0, 35.0), times());
    }

    @Test
    void recordsWhenTheVoltageHasMovedByDeltaV() {
        // 1 mV per second.
        h.run(P.protocol(P.WIDE, new LoggingRule(INF, 0.0045, INF, 1), P.chargeFor(0.001, 20)));
        assertEquals(List.of(1.0, 6.0, 11.0, 16.0, 20.0), times());
    }

    @Test
    void recordsWhenTheCurrentHasMovedByDeltaI() {
        // Hold 3.1 V: I = 10 mA·e^(−t/10 s), falling ever more slowly.
        h.run(P.protocol(P.WIDE, new LoggingRule(INF, INF, 0.001, 1), P.hold(3.1, P.time(40))));
        List<Sample> samples = h.events.samples();
        for (int i = 1; i < samples.size() - 1; i++) {
            assertTrue(Math.abs(samples.get(i).currentAmpere() - samples.get(i - 1).currentAmpere()) >= 0.001);
        }
        // Recorded 9.05 (start), 7.41, 6.07, 4.97, 3.68, 2.47, 1.35, 0.33 mA, then the end.
        assertEquals(List.of(1.0, 3.0, 5.0, 7.0, 10.0, 14.0, 20.0, 34.0, 40.0), times());
    }

    @Test
    void aStepPeriodOverridesTheProtocolPeriod() {
        h.run(P.protocol(P.WIDE, new LoggingRule(10, INF, INF, 1), P.withPeriod(P.chargeFor(0.001, 9), 2),
                P.chargeFor(0.001, 12)));
        assertEquals(List.of(1.0, 3.0, 5.0, 7.0, 9.0, 10.0, 20.0, 21.0), times());
    }

    @Test
    void aStepEndThatFallsOnAPeriodIsRecordedOnce() {
        h.run(P.protocol(P.WIDE, new LoggingRule(10, INF, INF, 1), P.rest(21)));
        assertEquals(List.of(1.0, 11.0, 21.0), times());
    }

    @Test
    void everyStepHasItsFirstAndLastSampleRecordedAndTimesStrictlyIncrease() {
        h.run(P.protocol(P.WIDE, new LoggingRule(7, 0.01, 0.002, 1), P.rest(3), P.chargeFor(0.001, 30),
                P.hold(3.1, P.ampere(0.001)), P.dischargeFor(0.002, 9.5), P.rest(1)));
        List<RunEvent.StepStarted> started = h.events.of(RunEvent.StepStarted.class);
        List<RunEvent.StepEnded> ended = h.events.of(RunEvent.StepEnded.class);
        for (int i = 0; i < started.size(); i++) {
            List<Sample> step = h.events.samplesOfStep(i + 1);
            assertEquals(started.get(i).testTimeSecond() + 1, step.get(0).testTimeSecond(), 1e-9);
            assertEquals(ended.get(i).testTimeSecond(), step.get(step.size() - 1).testTimeSecond(), 1e-9);
        }
        List<Double> times = times();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "record times must increase: " + times);
        }
    }

    @Test
    void aOneSampleStepIsRecordedOnce() {
        h.run(P.protocol(P.rest(1), P.rest(0.5)));
        assertEquals(List.of(1.0, 1.5), times());
    }

    @Test
    void recordedPointsAreTheRuleAppliedToEverySample() {
        var protocol = P.protocol(P.rest(4), P.chargeFor(0.001, 25), P.hold(3.1, P.time(30)));
        Harness all = new Harness();
        all.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, protocol.steps().toArray(io.cellbench.protocols.model.Step[]::new)));
        LoggingRule rule = new LoggingRule(6, 0.008, 0.0015, 1);
        h.run(P.protocol(P.WIDE, rule, protocol.steps().toArray(io.cellbench.protocols.model.Step[]::new)));
        assertEquals(expected(all.events.samples(), rule), times());
    }

    /** The logging rule written the obvious way, over every sample of a run. */
    static List<Double> expected(List<Sample> every, LoggingRule rule) {
        List<Double> out = new ArrayList<>();
        Sample last = null;
        for (int i = 0; i < every.size(); i++) {
            Sample s = every.get(i);
            boolean first = i == 0 || every.get(i - 1).stepCount() != s.stepCount();
            boolean end = i == every.size() - 1 || every.get(i + 1).stepCount() != s.stepCount();
            boolean record = first || end || last == null
                    || s.testTimeSecond() - last.testTimeSecond() >= rule.periodSecond() - 1e-6
                    || Math.abs(s.voltageVolt() - last.voltageVolt()) >= rule.deltaVolt()
                    || Math.abs(s.currentAmpere() - last.currentAmpere()) >= rule.deltaAmpere();
            if (record) {
                out.add(s.testTimeSecond());
                last = s;
            }
        }
        return out;
    }
}
