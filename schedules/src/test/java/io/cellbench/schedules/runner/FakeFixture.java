package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.time.LabClock;

/**
 * A press that approaches its set point exponentially (time constant {@code tauSecond}),
 * or a passive fixture that stays where it is. {@code stuck} makes a motorised one ignore
 * set points (a jammed press).
 */
class FakeFixture implements PressureFixture {
    private final boolean motorised;
    private final FirstOrderApproach pressurePa;
    boolean stuck;
    int reads;

    FakeFixture(LabClock clock, double initialPa, boolean motorised, double tauSecond) {
        this.motorised = motorised;
        this.pressurePa = new FirstOrderApproach(clock, initialPa, tauSecond);
    }

    @Override
    public synchronized double readPressurePa() { // set from a test thread while the runner reads
        reads++;
        return pressurePa.value();
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
        pressurePa.moveTo(pascal);
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
