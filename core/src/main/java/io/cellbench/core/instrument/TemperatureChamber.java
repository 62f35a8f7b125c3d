package io.cellbench.core.instrument;

/** A climate chamber or hot plate holding one or more cells. */
public interface TemperatureChamber extends Instrument {

    double readTemperatureCelsius();

    double setpointCelsius();

    /** Commands a new setpoint; returns at once, the chamber settles over time. */
    void setTemperatureCelsius(double celsius);
}
