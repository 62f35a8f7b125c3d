package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.time.LabClock;

/**
 * A press that approaches its set point exponentially (time constant {@code tauSecond}),
 * or a passive fixture that stays where it is. {@code stuck} makes a motorised one ignore
 * set points (a jammed press).
 */
class FakeFixture implements PressureFixture {
    private final LabClock clock;
    private final boolean motorised;
    private final double tauSecond;
    private double from;
    private double setpoint;
    private double setAt;
    boolean stuck;
    int reads;

    FakeFixture(LabClock clock, double initialPa, boolean motorised, double tauSecond) {
        this.clock = clock;
        this.from = initialPa;
        this.setpoint = initialPa;
        this.motorised = motorised;
        this.tauSecond = tauSecond;
        this.setAt = clock.nowUnixSeconds();
    }

    @Override
    public synchronized double readPressurePa() { // set from a test thread while the runner reads
        reads++;
        return now();
    }

    private double now() {
        double t = clock.nowUnixSeconds() - setAt;
        return setpoint + (from - setpoint) * Math.exp(-t / tauSecond);
    }

    @Override
    public boolean canSetPressure() {
        return motorised;
    }

    @Override
    public synchronized void setPressurePa(double pascal) {
        if (!motorised) {
            throw new UnsupportedOperationException("passive fixture");
        }
        if (stuck) {
            return;
        }
        from = now();
        setpoint = pascal;
        setAt = clock.nowUnixSeconds();
    }

    @Override
    public String name() {
        return "fake-fixture";
    }

    @Override
    public String identify() {
        return "cellbench fake fixture";
    }

    @Override
    public void close() {
    }
}
