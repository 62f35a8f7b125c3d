package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;

/** A chamber whose temperature approaches the set point exponentially; {@code stuck} freezes it. */
class FakeChamber implements TemperatureChamber {
    private final LabClock clock;
    private final double tauSecond;
    private double from;
    private double setpoint;
    private double setAt;
    boolean stuck;
    int reads;

    FakeChamber(LabClock clock, double initialCelsius, double tauSecond) {
        this.clock = clock;
        this.from = initialCelsius;
        this.setpoint = initialCelsius;
        this.tauSecond = tauSecond;
        this.setAt = clock.nowUnixSeconds();
    }

    @Override
    public double readTemperatureCelsius() {
        reads++;
        return now();
    }

    private double now() {
        double t = clock.nowUnixSeconds() - setAt;
        return setpoint + (from - setpoint) * Math.exp(-t / tauSecond);
    }

    @Override
    public double setpointCelsius() {
        return setpoint;
    }

    @Override
    public void setTemperatureCelsius(double celsius) {
        if (stuck) {
            return;
        }
        from = now();
        setpoint = celsius;
        setAt = clock.nowUnixSeconds();
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
