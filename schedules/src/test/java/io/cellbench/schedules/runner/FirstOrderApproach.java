package io.cellbench.schedules.runner;

import io.cellbench.core.time.LabClock;

/**
 * A value that approaches its set point exponentially in a clock's time (time constant
 * {@code tauSecond}), as a chamber's temperature or a press's force does: the fakes' one model.
 * A new set point starts from wherever the value is then.
 */
final class FirstOrderApproach {
    private final LabClock clock;
    private final double tauSecond;
    private double from;
    private double setpoint;
    private double setAt;

    FirstOrderApproach(LabClock clock, double initial, double tauSecond) {
        this.clock = clock;
        this.from = initial;
        this.setpoint = initial;
        this.tauSecond = tauSecond;
        this.setAt = clock.nowUnixSeconds();
    }

    double value() {
        double t = clock.nowUnixSeconds() - setAt;
        return setpoint + (from - setpoint) * Math.exp(-t / tauSecond);
    }

    double setpoint() {
        return setpoint;
    }

    void moveTo(double target) {
        from = value();
        setpoint = target;
        setAt = clock.nowUnixSeconds();
    }
}
