package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Step;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** For any rule and step lengths, the recorded points are the rule applied to every sample. */
class LoggingRuleProperties {

    @Property(tries = 150)
    void recordedPointsFollowTheRule(@ForAll @DoubleRange(min = 0.5, max = 20) double period,
                                     @ForAll @DoubleRange(min = 0.001, max = 0.05) @Scale(4) double deltaVolt,
                                     @ForAll @DoubleRange(min = 0.0002, max = 0.01) @Scale(5) double deltaAmpere,
                                     @ForAll @IntRange(min = 0, max = 2) int samplePeriodChoice,
                                     @ForAll @IntRange(min = 1, max = 40) int restSeconds,
                                     @ForAll @IntRange(min = 1, max = 60) int chargeSeconds,
                                     @ForAll @IntRange(min = 1, max = 60) int holdSeconds) {
        double samplePeriod = new double[] {0.5, 1, 2}[samplePeriodChoice];
        Step[] steps = {P.rest(restSeconds), P.chargeFor(0.002, chargeSeconds), P.hold(3.05, P.time(holdSeconds)),
                P.dischargeFor(0.001, chargeSeconds)};
        Harness all = new Harness();
        all.run(P.protocol(P.WIDE, new LoggingRule(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                samplePeriod), steps));
        LoggingRule rule = new LoggingRule(period, deltaVolt, deltaAmpere, samplePeriod);
        Harness logged = new Harness();
        logged.run(P.protocol(P.WIDE, rule, steps));
        assertEquals(LoggingRuleTest.expected(all.events.samples(), rule),
                logged.events.samples().stream().map(s -> s.testTimeSecond()).toList());
    }
}
