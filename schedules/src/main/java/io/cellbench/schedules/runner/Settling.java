package io.cellbench.schedules.runner;

import java.util.function.DoubleFunction;

/**
 * Tells when a slowly moving quantity (stack pressure, chamber temperature) has settled at
 * its set point: enough consecutive reads within tolerance, spanning enough time. A read
 * outside the band starts the count again.
 */
final class Settling {

    /**
     * @param quantity          what settles, for messages ("pressure")
     * @param format            how a value of it is written ("10 MPa")
     * @param relativeTolerance fraction of the set point
     * @param absoluteTolerance in the quantity's unit; the larger of the two applies
     * @param minReads          consecutive reads within tolerance
     * @param minSpanSecond     time from the first to the last of those reads
     * @param timeoutSecond     how long to wait before the run ends as a fault
     */
    record Rule(String quantity, DoubleFunction<String> format, double relativeTolerance, double absoluteTolerance,
                int minReads, double minSpanSecond, double timeoutSecond) {
    }

    /** ±3 % or ±0.1 MPa (the larger) for 3 reads over 30 s; give up after 30 min. */
    static final Rule PRESSURE = new Rule("pressure", Texts::pressure, 0.03, 0.1e6, 3, 30, 30 * 60);
    /** ±0.5 °C held for 10 min; give up after 4 h (a chamber can take hours to reach 60 °C). */
    static final Rule TEMPERATURE = new Rule("temperature", c -> Texts.number(c) + " °C", 0, 0.5, 2, 10 * 60,
            4 * 3600);

    private final Rule rule;
    private final double target;
    private final double tolerance;
    private int reads;
    private double firstTime;
    private double lastValue = Double.NaN;

    Settling(Rule rule, double target) {
        this.rule = rule;
        this.target = target;
        this.tolerance = Math.max(rule.relativeTolerance() * Math.abs(target), rule.absoluteTolerance());
    }

    /** Adds one read; true once the quantity has settled. */
    boolean offer(double value, double time) {
        lastValue = value;
        if (!(Math.abs(value - target) <= tolerance)) {
            reads = 0;
            return false;
        }
        if (reads == 0) {
            firstTime = time;
        }
        reads++;
        return reads >= rule.minReads() && time - firstTime >= rule.minSpanSecond() - StepEnds.TIME_EPSILON_SECOND;
    }

    /** "pressure 10 MPa reached" */
    String reached() {
        return rule.quantity() + " " + rule.format().apply(target) + " reached";
    }

    /** Why waiting failed: "the pressure did not settle at 10 MPa ± 0.3 MPa within 30 min (last read 1 MPa)". */
    String timedOut() {
        DoubleFunction<String> f = rule.format();
        return "the " + rule.quantity() + " did not settle at " + f.apply(target) + " ± " + f.apply(tolerance)
                + " within " + Texts.number(rule.timeoutSecond() / 60) + " min (last read "
                + (Double.isNaN(lastValue) ? "none" : f.apply(lastValue)) + ")";
    }

    double tolerance() {
        return tolerance;
    }

    Rule rule() {
        return rule;
    }
}
