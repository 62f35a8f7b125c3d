package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.util.Arrays;
import java.util.List;

/**
 * How long the rest of a protocol takes, in lab time, step by step in the order they run:
 * <ul>
 * <li>a step that ends on time only ("Rest for 10 minutes", "Charge at C/10 for 2 hours"): its
 *     time, known;</li>
 * <li>a charge or discharge at a current (CC, C-rate, power, resistance) that ends on a
 *     condition, once a drive in the other direction has ended on one: the charge that drive
 *     moved, at this step's current. A charge puts back what the discharge before it took out
 *     and a discharge takes out what was put in, so each predicted drive passes its charge on
 *     to the next (and a formation cycle's losses do not carry over). A CC-CV that has run
 *     before takes its last time instead (its CV tail is not at the CC current);</li>
 * <li>any other step: the duration of the same step (same index) the last time it ran, in an
 *     earlier cycle — the measured pace, which follows the cell as it ages;</li>
 * <li>before any of that is known: a drive at a current takes the cell's nominal capacity at
 *     that current (a capacity cut-off: that capacity), a CC-CV a fifth more for its CV tail,
 *     constant power and resistance at the current they draw at the middle of the voltage
 *     window; a hold or a rest on a condition its time limit if it has one, else nothing (0);
 *     an impedance sweep 30 s of open-circuit check plus 1 s and five periods per frequency;
 *     a settling wait its least time (30 s of pressure, 10 min of temperature).</li>
 * </ul>
 * Each estimate is capped by the step's own time limit and makes the result a guess. A
 * repeat's later iterations take the second iteration's estimate (after the first, the charge
 * passed from one drive to the next has settled). Used on the runner thread only.
 */
final class RemainingTime {
    /** A CC-CV's constant-voltage tail, as a share of the full charge at the CC current. */
    private static final double CV_TAIL = 0.2;
    private static final double EIS_CHECK_SECOND = 30;
    private static final double PRESSURE_SETTLE_SECOND = 30;
    private static final double TEMPERATURE_SETTLE_SECOND = 600;

    private final Protocol protocol;
    private final StepNumbering numbering;
    private final double nominalAh;
    private final double middleVolt;
    /** The last duration of each step index (index 0 unused); NaN before it ran. */
    private final double[] lastDuration;
    /** What the last charge and discharge that ended on a condition moved, Ah; NaN before one did. */
    private double chargedAh = Double.NaN;
    private double dischargedAh = Double.NaN;
    // while estimating: the same, as the predicted steps move charge, and whether anything was guessed
    private double nextChargedAh;
    private double nextDischargedAh;
    private boolean guess;

    RemainingTime(Protocol protocol, StepNumbering numbering, CellInfo cell, SafetyWindow window) {
        this.protocol = protocol;
        this.numbering = numbering;
        this.nominalAh = cell.nominalCapacityAh();
        double lo = window.voltage().min();
        double hi = window.voltage().max();
        this.middleVolt = Double.isFinite(lo) && Double.isFinite(hi) ? (lo + hi) / 2 : Double.NaN;
        this.lastDuration = new double[numbering.leafCount() + 1];
        Arrays.fill(lastDuration, Double.NaN);
    }

    /** The whole protocol, before its first step. */
    RunnerStatus.Remaining whole() {
        begin();
        double total = sum(protocol.steps());
        return new RunnerStatus.Remaining(Double.NaN, total, guess);
    }

    /**
     * Where the run stands: the expected duration of {@code current} and of everything after
     * it ({@code totalSecond}, without the current step), given the open step's {@code path}
     * through the nested step lists and the iteration of each enclosing repeat.
     */
    RunnerStatus.Remaining at(List<Integer> path, List<Integer> iterations, Step current) {
        begin();
        double step = expected(current);
        List<List<Step>> levels = new java.util.ArrayList<>(path.size());
        List<Step> list = protocol.steps();
        for (int d = 0; d < path.size(); d++) {
            levels.add(list);
            if (d < path.size() - 1) {
                list = ((Step.Repeat) list.get(path.get(d))).steps();
            }
        }
        double after = 0;
        for (int d = path.size() - 1; d >= 0; d--) {
            List<Step> level = levels.get(d);
            after += sum(level.subList(path.get(d) + 1, level.size()));
            if (d > 0) {
                Step.Repeat repeat = (Step.Repeat) levels.get(d - 1).get(path.get(d - 1));
                after += iterations(repeat, repeat.times() - iterations.get(d - 1) - 1);
            }
        }
        return new RunnerStatus.Remaining(step, after, guess);
    }

    /**
     * {@code step} ended (not stopped, not faulted) after {@code seconds}, having moved
     * {@code stepAh}; {@code onTime}: it ran out of time rather than reaching its condition.
     */
    void ended(Step step, double seconds, double stepAh, boolean onTime) {
        if (seconds >= 0 && Double.isFinite(seconds)) {
            lastDuration[numbering.indexOf(step)] = seconds;
        }
        if (!onTime && step instanceof Step.Drive d && stepAh > 0 && Double.isFinite(stepAh)) {
            switch (d.kind()) {
                case CHARGE -> chargedAh = stepAh;
                case DISCHARGE -> dischargedAh = stepAh;
                case HOLD -> {
                    // a hold moves charge either way: it says nothing about the next drive
                }
            }
        }
    }

    private void begin() {
        guess = false;
        nextChargedAh = chargedAh;
        nextDischargedAh = dischargedAh;
    }

    private double sum(List<Step> steps) {
        double total = 0;
        for (Step s : steps) {
            total += s instanceof Step.Repeat r ? iterations(r, r.times()) : expected(s);
        }
        return total;
    }

    /** {@code n} iterations of {@code repeat}'s body: the first, then the second's estimate for the rest. */
    private double iterations(Step.Repeat repeat, int n) {
        if (n <= 0) {
            return 0;
        }
        double first = sum(repeat.steps());
        return n == 1 ? first : first + (n - 1) * sum(repeat.steps());
    }

    /** One execution of a leaf step, s; sets {@link #guess} when it is not a known time. */
    private double expected(Step step) {
        double limit = timeLimit(step);
        if (onTimeOnly(step)) {
            return limit;
        }
        guess = true;
        double seen = lastDuration[numbering.indexOf(step)];
        double estimate;
        if (step instanceof Step.Drive d && d.kind() != Step.DriveKind.HOLD) {
            estimate = drive(d, seen);
        } else {
            estimate = Double.isNaN(seen) ? firstEstimate(step) : seen;
        }
        return Double.isNaN(estimate) ? (Double.isFinite(limit) ? limit : 0) : Math.min(estimate, limit);
    }

    /** A charge or discharge ending on a condition; passes the charge it moves on to the next drive. */
    private double drive(Step.Drive d, double seen) {
        boolean charge = d.kind() == Step.DriveKind.CHARGE;
        double back = charge ? nextDischargedAh : nextChargedAh;
        double ampere = ampere(d);
        double seconds;
        double moved;
        if (!Double.isNaN(back) && (d.thenHold() == null || Double.isNaN(seen)) && ampere > 0) {
            moved = cutOff(d, back);
            seconds = moved * 3600 / ampere * (d.thenHold() == null ? 1 : 1 + CV_TAIL);
        } else if (!Double.isNaN(seen)) {
            seconds = seen;
            moved = ampere > 0 ? cutOff(d, seen * ampere / 3600) : Double.NaN;
        } else if (ampere > 0) {
            moved = cutOff(d, nominalAh);
            seconds = moved * 3600 / ampere * (d.thenHold() == null ? 1 : 1 + CV_TAIL);
        } else {
            return Double.NaN;
        }
        if (charge) {
            nextChargedAh = moved;
        } else {
            nextDischargedAh = moved;
        }
        return seconds;
    }

    /** The |current| a drive draws, A; NaN for a voltage step (its current is what the cell takes). */
    private double ampere(Step.Drive d) {
        double a = switch (d.control()) {
            case CURRENT -> Math.abs(d.value());
            case C_RATE -> Math.abs(d.value()) * nominalAh;
            case POWER -> Math.abs(d.value()) / middleVolt;
            case RESISTANCE -> middleVolt / Math.abs(d.value());
            case VOLTAGE -> Double.NaN;
        };
        return a > 0 && Double.isFinite(a) ? a : Double.NaN;
    }

    /** {@code ah}, or the step's capacity cut-off when that is less. */
    private static double cutOff(Step.Drive d, double ah) {
        double out = ah;
        for (Termination t : d.until()) {
            if (t.measure() == Termination.Measure.CAPACITY) {
                out = Math.min(out, t.value());
            }
        }
        return out;
    }

    /** The estimate of a step that is not a drive and has not run yet (NaN: nothing known). */
    private static double firstEstimate(Step step) {
        return switch (step) {
            case Step.Eis e -> sweep(e);
            case Step.SetPressure p -> p.waitUntilStable() ? PRESSURE_SETTLE_SECOND : 0;
            case Step.SetTemperature t -> t.waitUntilStable() ? TEMPERATURE_SETTLE_SECOND : 0;
            case Step.Drive d -> Double.NaN; // a hold: its current is what the cell takes
            case Step.Rest r -> Double.NaN;
            case Step.Repeat r -> Double.NaN;
        };
    }

    private static double sweep(Step.Eis e) {
        double seconds = EIS_CHECK_SECOND;
        for (double f : new EisRequest(EisRequest.Mode.POTENTIOSTATIC, e.startHz(), e.endHz(), e.pointsPerDecade(),
                e.amplitude()).frequencies()) {
            seconds += 1 + 5 / f;
        }
        return seconds;
    }

    /** Whether a step ends on time and nothing else. */
    private static boolean onTimeOnly(Step step) {
        return switch (step) {
            case Step.Rest r -> onTime(r.durationSecond(), r.until());
            case Step.Drive d -> onTime(d.durationSecond(), d.until()) && d.thenHold() == null;
            case Step.SetPressure p -> !p.waitUntilStable();
            case Step.SetTemperature t -> !t.waitUntilStable();
            case Step.Eis e -> false;
            case Step.Repeat r -> false;
        };
    }

    private static boolean onTime(Double duration, List<Termination> until) {
        return (duration != null || !until.isEmpty())
                && until.stream().allMatch(t -> t.measure() == Termination.Measure.TIME);
    }

    /** The step's time limit: its duration or a time condition, whichever is sooner; infinite without. */
    private static double timeLimit(Step step) {
        Double duration;
        List<Termination> until;
        switch (step) {
            case Step.Rest r -> {
                duration = r.durationSecond();
                until = r.until();
            }
            case Step.Drive d -> {
                duration = d.durationSecond();
                until = d.until();
            }
            case Step.SetPressure p -> {
                return p.waitUntilStable() ? Double.POSITIVE_INFINITY : 0;
            }
            case Step.SetTemperature t -> {
                return t.waitUntilStable() ? Double.POSITIVE_INFINITY : 0;
            }
            case Step.Eis e -> {
                return Double.POSITIVE_INFINITY;
            }
            case Step.Repeat r -> {
                return Double.POSITIVE_INFINITY;
            }
        }
        double limit = duration == null ? Double.POSITIVE_INFINITY : duration;
        for (Termination t : until) {
            if (t.measure() == Termination.Measure.TIME) {
                limit = Math.min(limit, t.value());
            }
        }
        return limit;
    }
}
