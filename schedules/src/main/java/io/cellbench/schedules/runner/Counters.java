package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.ChannelCommand;

/**
 * The capacity, energy, cycle and step counters of one run, as the {@link
 * io.cellbench.core.data.Sample} contract defines them. Mutable and owned by the runner
 * thread; updated in place on every sample so the sampling loop allocates nothing.
 *
 * <p>Capacity integrates current and energy integrates power (V·I) with the trapezoid rule
 * between consecutive samples. An interval in which the integrand changes sign is split at
 * the (linearly interpolated) zero, so charge and discharge throughput are both exact for
 * piecewise-linear signals. After a command change the integral restarts at the command
 * ({@link #restart}), never from a reading before it, which belongs to the old command: a
 * current step starts at its set-point, known exactly, and any other command at the reading
 * taken right after it (see docs/runner.md, "Charge at a step edge"). Without such a reading
 * the first interval is a rectangle at the new sample.
 */
final class Counters {
    private static final double SECONDS_PER_HOUR = 3600.0;
    /** How far (relative) a reading's current may be from a set-point and still be a reading of it. */
    static final double SAME_LEVEL = 0.01;

    private int cycleCount = 1;
    private int stepCount;
    private boolean dischargedThisCycle;

    private double chargingAh;
    private double dischargingAh;
    private double stepAh;
    private double netAh;
    private double cumulativeAh;
    private double chargingWh;
    private double dischargingWh;
    private double stepWh;
    private double netWh;
    private double cumulativeWh;
    /** Since the start of the test, never reset (BDF 1.3's Charging/Discharging Capacity/Energy). */
    private double totalChargingAh;
    private double totalDischargingAh;
    private double totalChargingWh;
    private double totalDischargingWh;

    private boolean hasPrevious;
    private double previousTime;
    private double previousAmpere;
    private double previousWatt;

    /** A step begins: counts it, advances the cycle (Arbin convention) and resets step throughput. */
    void beginStep(StepDirection direction) {
        stepCount++;
        if (direction == StepDirection.CHARGE && dischargedThisCycle) {
            cycleCount++;
            dischargedThisCycle = false;
            chargingAh = dischargingAh = chargingWh = dischargingWh = 0;
        }
        if (direction == StepDirection.DISCHARGE) {
            dischargedThisCycle = true;
        }
        stepAh = stepWh = 0;
        hasPrevious = false;
    }

    /** The channel was given a new command: the next interval starts then, not at the last reading. */
    void commandChanged(double unixTime) {
        hasPrevious = false;
        previousTime = unixTime;
    }

    /** The next interval is a trapezoid from ({@code volt}, {@code ampere}) at {@code unixTime}. */
    private void restart(double unixTime, double volt, double ampere) {
        hasPrevious = true;
        previousTime = unixTime;
        previousAmpere = ampere;
        previousWatt = watt(volt, ampere);
    }

    /**
     * The channel was given {@code command} and read right after it ({@code volt}, {@code ampere}):
     * the next interval is a trapezoid from the current that flows from the command on. For a
     * current step that is its set-point, whatever the reading says (a cycler's status may
     * still show its last measurement from before the command, a ramp from which would lose
     * ½ · period · |ΔI|), unless the reading shows the source held at the voltage limit in the
     * step's direction (compliance: less than the set-point flows); for an open circuit it is
     * 0 A. For a voltage, power or resistance command, whose current only the cell decides, it
     * is the reading. The power starts at that current times the reading's voltage when the
     * reading is of the new level (its current within {@value #SAME_LEVEL} of the set-point);
     * a reading from before the command lacks the step's I·R jump, so then, as when no voltage
     * was measured, the first interval's power is a rectangle at its sample.
     */
    void restart(double unixTime, double volt, double ampere, ChannelCommand command) {
        if (command instanceof ChannelCommand.OpenCircuit) {
            restart(unixTime, volt, 0);
            return;
        }
        if (command instanceof ChannelCommand.Current c
                && !(c.ampere() > 0 && volt >= c.maxVolt()) && !(c.ampere() < 0 && volt <= c.minVolt())) {
            restart(unixTime, volt, c.ampere());
            if (!(Math.abs(ampere - c.ampere()) <= SAME_LEVEL * Math.abs(c.ampere()))) {
                previousWatt = Double.NaN;
            }
            return;
        }
        restart(unixTime, volt, ampere);
    }

    /**
     * V·I, and 0 W when no current flows: a rest with its relay open reads NaN V at 0 A, and
     * NaN·0 must not turn the energy counters into NaN for the rest of the run.
     */
    static double watt(double volt, double ampere) {
        return ampere == 0 ? 0 : volt * ampere;
    }

    /** The counters now, for a journal. */
    RunPosition.Counts state() {
        return new RunPosition.Counts(cycleCount, stepCount, dischargedThisCycle, chargingAh, dischargingAh, stepAh,
                netAh, cumulativeAh, chargingWh, dischargingWh, stepWh, netWh, cumulativeWh);
    }

    /** Continues from journaled counters: the open step is not counted again. */
    void restore(RunPosition.Counts c) {
        cycleCount = c.cycleCount();
        stepCount = c.stepCount();
        dischargedThisCycle = c.dischargedThisCycle();
        chargingAh = c.chargingAh();
        dischargingAh = c.dischargingAh();
        stepAh = c.stepAh();
        netAh = c.netAh();
        cumulativeAh = c.cumulativeAh();
        chargingWh = c.chargingWh();
        dischargingWh = c.dischargingWh();
        stepWh = c.stepWh();
        netWh = c.netWh();
        cumulativeWh = c.cumulativeWh();
        // The journal keeps throughput and net, from which the totals follow exactly in reals.
        totalChargingAh = (cumulativeAh + netAh) / 2;
        totalDischargingAh = (cumulativeAh - netAh) / 2;
        totalChargingWh = (cumulativeWh + netWh) / 2;
        totalDischargingWh = (cumulativeWh - netWh) / 2;
        hasPrevious = false;
    }

    /**
     * The level of the last reading went on until {@code unixTime}, when a new command acted
     * within the step (a pause's open circuit, a release, the switch to CV): adds that interval
     * as a rectangle at it. Nothing before a step's first reading: the previous step's level is
     * no part of this step.
     */
    void carry(double unixTime) {
        double dt = unixTime - previousTime;
        if (hasPrevious && dt > 0) {
            double watt = Double.isNaN(previousWatt) ? 0 : previousWatt;
            add(Math.max(previousAmpere, 0) * dt / SECONDS_PER_HOUR, Math.max(-previousAmpere, 0) * dt / SECONDS_PER_HOUR,
                    Math.max(watt, 0) * dt / SECONDS_PER_HOUR, Math.max(-watt, 0) * dt / SECONDS_PER_HOUR);
            previousTime = unixTime;
        }
    }

    /** Adds the interval since the previous sample (or since the last command change). */
    void integrate(double unixTime, double volt, double ampere) {
        double watt = watt(volt, ampere);
        double dt = unixTime - previousTime;
        if (dt > 0) {
            double a0 = hasPrevious ? previousAmpere : ampere;
            double w0 = hasPrevious && !Double.isNaN(previousWatt) ? previousWatt : watt;
            double chargeAs = positiveArea(a0, ampere, dt);
            double dischargeAs = positiveArea(-a0, -ampere, dt);
            double chargeJ = positiveArea(w0, watt, dt);
            double dischargeJ = positiveArea(-w0, -watt, dt);
            add(chargeAs / SECONDS_PER_HOUR, dischargeAs / SECONDS_PER_HOUR,
                    chargeJ / SECONDS_PER_HOUR, dischargeJ / SECONDS_PER_HOUR);
        }
        hasPrevious = true;
        previousTime = unixTime;
        previousAmpere = ampere;
        previousWatt = watt;
    }

    /** Adds charge and discharge throughput (a delegated cell's come from its cycler's own counters). */
    void add(double inAh, double outAh, double inWh, double outWh) {
        chargingAh += inAh;
        dischargingAh += outAh;
        stepAh += inAh + outAh;
        netAh += inAh - outAh;
        cumulativeAh += inAh + outAh;
        chargingWh += inWh;
        dischargingWh += outWh;
        stepWh += inWh + outWh;
        netWh += inWh - outWh;
        cumulativeWh += inWh + outWh;
        totalChargingAh += inAh;
        totalDischargingAh += outAh;
        totalChargingWh += inWh;
        totalDischargingWh += outWh;
    }

    /** ∫ max(f, 0) over an interval where f goes linearly from a to b. */
    static double positiveArea(double a, double b, double dt) {
        if (a >= 0 && b >= 0) {
            return (a + b) / 2 * dt;
        }
        if (a <= 0 && b <= 0) {
            return 0;
        }
        double top = Math.max(a, b);
        return top * top / (Math.abs(a) + Math.abs(b)) * dt / 2;
    }

    int cycleCount() {
        return cycleCount;
    }

    int stepCount() {
        return stepCount;
    }

    double chargingAh() {
        return chargingAh;
    }

    double dischargingAh() {
        return dischargingAh;
    }

    /** Throughput of the current step (charge plus discharge), Ah. */
    double stepAh() {
        return stepAh;
    }

    double netAh() {
        return netAh;
    }

    double cumulativeAh() {
        return cumulativeAh;
    }

    double chargingWh() {
        return chargingWh;
    }

    double dischargingWh() {
        return dischargingWh;
    }

    /** Energy throughput of the current step, Wh. */
    double stepWh() {
        return stepWh;
    }

    double netWh() {
        return netWh;
    }

    double cumulativeWh() {
        return cumulativeWh;
    }

    double totalChargingAh() {
        return totalChargingAh;
    }

    double totalDischargingAh() {
        return totalDischargingAh;
    }

    double totalChargingWh() {
        return totalChargingWh;
    }

    double totalDischargingWh() {
        return totalDischargingWh;
    }
}
