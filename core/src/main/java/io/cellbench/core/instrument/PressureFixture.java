package io.cellbench.core.instrument;

/** A cell holder with a load cell, possibly with a motorised press that takes a setpoint. */
public interface PressureFixture extends Instrument {

    /** Stack pressure on the cell now, in Pa (force over the cell's area). */
    double readPressurePa();

    /** Whether {@link #setPressurePa} moves anything (a passive spring fixture cannot). */
    boolean canSetPressure();

    /** Commands the press; returns at once, the pressure settles over time. */
    void setPressurePa(double pascal);
}
