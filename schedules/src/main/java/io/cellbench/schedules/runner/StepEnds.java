package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The end conditions of one step (or one phase of a CC-CV step), compiled into arrays so
 * that checking them on every sample allocates nothing; the reason texts are built once
 * here. Conditions are OR-ed; when several hold on the same sample the reason names the
 * first in the order written, with the "for" duration first.
 */
final class StepEnds {
    /** Slack on time comparisons: clock arithmetic on Unix seconds is exact only to ~0.2 µs. */
    static final double TIME_EPSILON_SECOND = 1e-6;

    private final Measure[] measures;
    private final boolean[] atLeast;
    private final double[] limits;
    private final boolean[] endsStep;
    private final String[] reasons;
    private final double timeLimitSecond;
    private boolean firedEndsStep;

    private StepEnds(List<Entry> entries) {
        int n = entries.size();
        measures = new Measure[n];
        atLeast = new boolean[n];
        limits = new double[n];
        endsStep = new boolean[n];
        reasons = new String[n];
        double time = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            measures[i] = e.measure;
            atLeast[i] = e.atLeast;
            limits[i] = e.limit;
            endsStep[i] = e.endsStep;
            reasons[i] = e.reason;
            if (e.measure == Measure.TIME) {
                time = Math.min(time, e.limit);
            }
        }
        timeLimitSecond = time;
    }

    /**
     * The op a termination means when it was written without one: a charge's voltage
     * cut-off is V ≥ x and a discharge's V ≤ x; current and C-rate are |I| ≤ x; capacity,
     * energy and time are ≥. {@code null} when it cannot be told (a voltage cut-off on a
     * rest or a hold).
     */
    static Op resolveOp(Termination t, Step.DriveKind kind) {
        if (t.op() != null) {
            return t.op();
        }
        return switch (t.measure()) {
            case VOLTAGE -> kind == Step.DriveKind.CHARGE ? Op.AT_LEAST
                    : kind == Step.DriveKind.DISCHARGE ? Op.AT_MOST : null;
            case CURRENT, C_RATE -> Op.AT_MOST;
            case CAPACITY, ENERGY, TIME -> Op.AT_LEAST;
        };
    }

    /** The smallest time limit of these conditions (duration or TIME), in step seconds; +∞ when none. */
    double timeLimitSecond() {
        return timeLimitSecond;
    }

    /** Whether a condition compares the voltage (which a rest with its relay open cannot measure). */
    boolean needsVoltage() {
        for (Measure m : measures) {
            if (m == Measure.VOLTAGE) {
                return true;
            }
        }
        return false;
    }

    /** Whether the condition the last {@link #check} reported ends the whole step (not only a phase). */
    boolean firedEndsStep() {
        return firedEndsStep;
    }

    /**
     * Checks every condition against one sample and returns the reason of the first that
     * holds, or {@code null}. Current and C-rate conditions are skipped until the phase is
     * more than one sample period old, so the transient right after a command cannot end it.
     */
    String check(double stepTime, double phaseTime, double samplePeriod, double volt, double ampere,
                 double stepAh, double stepWh, double nominalAh) {
        boolean currentSettled = phaseTime > samplePeriod + TIME_EPSILON_SECOND;
        double magnitude = Math.abs(ampere);
        for (int i = 0; i < measures.length; i++) {
            boolean met = switch (measures[i]) {
                case VOLTAGE -> compare(i, volt);
                case CURRENT -> currentSettled && compare(i, magnitude);
                case C_RATE -> currentSettled && compare(i, magnitude / nominalAh);
                case CAPACITY -> compare(i, stepAh);
                case ENERGY -> compare(i, stepWh);
                case TIME -> stepTime >= limits[i] - TIME_EPSILON_SECOND;
            };
            if (met) {
                firedEndsStep = endsStep[i];
                return reasons[i];
            }
        }
        return null;
    }

    /**
     * The reason of the first time condition {@code stepTime} has reached, or null; as {@link
     * #check}, it sets {@link #firedEndsStep}. For a resumed step, whose time is known before
     * any sample (the other conditions need one).
     */
    String timeReached(double stepTime) {
        for (int i = 0; i < measures.length; i++) {
            if (measures[i] == Measure.TIME && stepTime >= limits[i] - TIME_EPSILON_SECOND) {
                firedEndsStep = endsStep[i];
                return reasons[i];
            }
        }
        return null;
    }

    private boolean compare(int i, double observed) {
        return atLeast[i] ? observed >= limits[i] : observed <= limits[i];
    }

    static Builder builder() {
        return new Builder();
    }

    /** Whether {@code reason} (one of this class's) names a time limit: the step ran out of time. */
    static boolean onTime(String reason) {
        return reason.startsWith("time ");
    }

    private record Entry(Measure measure, boolean atLeast, double limit, boolean endsStep, String reason) {
    }

    /** Collects conditions in order; {@link #build} compiles them. */
    static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        /** The step's "for" duration, which always ends the whole step. */
        Builder duration(Double seconds) {
            if (seconds != null) {
                entries.add(new Entry(Measure.TIME, true, seconds, true, "time " + Texts.number(seconds) + " s"));
            }
            return this;
        }

        /** "until" conditions; {@code endsStep} false for the CC phase of a CC-CV step. */
        Builder until(List<Termination> terminations, Step.DriveKind kind, boolean endsStep) {
            for (Termination t : terminations) {
                Op op = resolveOp(t, kind);
                if (op == null) {
                    throw new IllegalArgumentException("termination " + t + " has no op and none can be implied");
                }
                entries.add(new Entry(t.measure(), op == Op.AT_LEAST, t.value(), endsStep, reason(t.measure(), op, t.value())));
            }
            return this;
        }

        /** A condition the runner adds itself (the implicit voltage cut-off of a CC phase). */
        Builder add(Measure measure, Op op, double value, boolean endsStep) {
            entries.add(new Entry(measure, op == Op.AT_LEAST, value, endsStep, reason(measure, op, value)));
            return this;
        }

        StepEnds build() {
            return new StepEnds(entries);
        }

        private static String reason(Measure measure, Op op, double value) {
            String v = Texts.number(value);
            return switch (measure) {
                case VOLTAGE -> "voltage " + op.symbol() + " " + v + " V";
                case CURRENT -> "current " + op.symbol() + " " + v + " A";
                case C_RATE -> "C-rate " + op.symbol() + " " + v + " C";
                case CAPACITY -> "capacity " + op.symbol() + " " + v + " Ah";
                case ENERGY -> "energy " + op.symbol() + " " + v + " Wh";
                case TIME -> "time " + v + " s";
            };
        }
    }
}
