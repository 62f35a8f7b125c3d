package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Termination.Op;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** A step ends within one sample period of its condition; durations end exactly. */
class TerminationPrecisionProperties {
    private static final double[] PERIODS = {0.1, 0.25, 0.5, 1, 2, 5};

    private static LoggingRule sampling(double period) {
        return new LoggingRule(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, period);
    }

    @Property(tries = 200)
    void voltageCutOffEndsWithinOneSamplePeriod(@ForAll @DoubleRange(min = 3.0111, max = 3.3) @Scale(6) double cutOff,
                                                @ForAll @IntRange(min = 0, max = 5) int periodChoice) {
        double period = PERIODS[periodChoice];
        Harness h = new Harness();
        h.run(P.protocol(P.WIDE, sampling(period), P.charge(0.001, P.volt(Op.AT_LEAST, cutOff))));
        // V = 3.01 + 0.001·t crosses the cut-off at t = (cut-off − 3.01)/0.001.
        double crossing = (cutOff - 3.01) / 0.001;
        double end = h.testTime();
        assertTrue(end >= crossing - 1e-6 && end < crossing + period + 1e-6,
                "crossing " + crossing + " s, ended " + end + " s, period " + period + " s");
    }

    @Property(tries = 200)
    void capacityCutOffEndsWithinOneSamplePeriod(@ForAll @DoubleRange(min = 1, max = 500) @Scale(3) double seconds,
                                                 @ForAll @IntRange(min = 0, max = 5) int periodChoice) {
        double period = PERIODS[periodChoice];
        Harness h = new Harness();
        h.run(P.protocol(P.WIDE, sampling(period), P.charge(0.0005, P.capacity(0.0005 * seconds / 3600))));
        double end = h.testTime();
        assertTrue(end >= seconds - 1e-6 && end < seconds + period + 1e-6,
                "threshold at " + seconds + " s, ended " + end + " s, period " + period + " s");
    }

    @Property(tries = 200)
    void durationsEndExactly(@ForAll @DoubleRange(min = 0.05, max = 2000) @Scale(3) double seconds,
                             @ForAll @IntRange(min = 0, max = 5) int periodChoice) {
        double period = PERIODS[periodChoice];
        Harness h = new Harness();
        h.run(P.protocol(P.WIDE, sampling(period), P.rest(1), P.chargeFor(0.0001, seconds)));
        assertEquals(1 + seconds, h.testTime(), 1e-6);
        var samples = h.events.samples();
        assertEquals(1 + seconds, samples.get(samples.size() - 1).testTimeSecond(), 1e-6);
    }
}
