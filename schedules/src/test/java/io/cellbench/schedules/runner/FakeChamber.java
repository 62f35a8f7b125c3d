package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;

/** A chamber whose temperature approaches the set point exponentially; {@code stuck} freezes it. */
class FakeChamber implements TemperatureChamber {
    private final FirstOrderApproach celsius;
    boolean stuck;
    int reads;

    FakeChamber(LabClock clock, double initialCelsius, double tauSecond) {
        this.celsius = new FirstOrderApproach(clock, initialCelsius, tauSecond);
    }

    @Override
    public double readTemperatureCelsius() {
        reads++;
        return celsius.value();
    }

    @Override
    public double setpointCelsius() {
        return celsius.setpoint();
    }

    @Override
    public void setTemperatureCelsius(double target) {
        if (stuck) {
            return;
        }
        celsius.moveTo(target);
    }

    @Override
    public String name() {
        return "fake-chamber";
    }

    @Override
    public String identify() {
        return "cellbench fake chamber";
    }

    @Override
    public void close() {
    }
}
