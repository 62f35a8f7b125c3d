package io.cellbench.compile.neware;

import io.cellbench.compile.Amounts;
import io.cellbench.compile.Refusals;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;

/**
 * The OR-ed end conditions of one BTS step, sorted into the one field each has in
 * {@code Limit/Main}: {@code Time} (ms), {@code Stop_Volt} (0.1 mV), {@code Stop_Curr} (mA) with
 * {@code Stop_Rate} for a C-rate, {@code Stop_Cap} (mA·s). A BTS step holds one of each, and its
 * voltage cut-off goes one way (a charge stops on a rising voltage, a discharge on a falling
 * one), so a second condition of a kind, or one that points the other way, is refused.
 */
final class NewareCutoffs {
    private final Refusals refusals;
    private final Amounts amounts;
    private final Step step;
    double timeSecond = Double.POSITIVE_INFINITY;
    Double volt;
    Double ampere;
    Double rate;
    Double capacityAh;

    NewareCutoffs(Refusals refusals, Amounts amounts, Step step) {
        this.refusals = refusals;
        this.amounts = amounts;
        this.step = step;
    }

    /** A "for" duration. */
    NewareCutoffs duration(Double second) {
        if (second != null) {
            timeSecond = Math.min(timeSecond, second);
        }
        return this;
    }

    /**
     * "until" conditions of a phase; {@code rising} is the direction a voltage cut-off may have
     * (true: V ≥ x on a charge, false: V ≤ x on a discharge, null: none allowed).
     */
    NewareCutoffs until(List<Termination> terms, Boolean rising) {
        for (Termination t : terms) {
            switch (t.measure()) {
                case TIME -> timeSecond = Math.min(timeSecond, t.value());
                case VOLTAGE -> voltage(t, rising);
                case CURRENT, C_RATE -> current(t);
                case CAPACITY -> {
                    if (capacityAh != null) {
                        tooMany("capacity");
                    }
                    capacityAh = t.value();
                    refusals.warn(step, "the capacity cut-off is written as Stop_Cap (mA·s), a field not seen in a"
                            + " step file BTS wrote: check the step in BTS's step editor before the first run");
                }
                case ENERGY -> refusals.refuse(step, "has no energy cut-off that cellbench can write (no step file"
                        + " written by BTS shows one)", "end the step on voltage, capacity or time");
            }
        }
        return this;
    }

    private void voltage(Termination t, Boolean rising) {
        if (rising == null) {
            refusals.refuse(step, "cannot end this kind of step on voltage (BTS rest and constant-voltage steps"
                    + " end on time, current or capacity)", "end it on time ('for 1 hour')");
            return;
        }
        boolean up = t.op() == Op.AT_LEAST;
        if (up != rising) {
            refusals.refuse(step, "ends a " + (rising ? "charge" : "discharge") + " only when the voltage "
                    + (rising ? "rises to" : "falls to") + " its cut-off, not on 'until " + t.op().symbol() + " "
                    + t.value() + " V'", "drop the operator: a charge stops at V ≥ x, a discharge at V ≤ x");
            return;
        }
        if (volt != null) {
            tooMany("voltage");
        }
        volt = t.value();
    }

    private void current(Termination t) {
        if (t.op() != Op.AT_MOST) {
            refusals.refuse(step, "ends a constant-voltage step only when |I| falls to its cut-off, not on 'until >= …'",
                    "drop the operator: 'until C/50' means |I| ≤ C/50");
            return;
        }
        if (ampere != null) {
            tooMany("current");
        }
        ampere = amounts.ampere(step, t);
        rate = t.measure() == Measure.C_RATE ? t.value() : null;
    }

    private void tooMany(String kind) {
        refusals.refuse(step, "holds one " + kind + " cut-off per step; this step has more OR-ed " + kind
                + " conditions than that", "keep the one that ends the step first");
    }

    /** Writes the cut-offs into {@code s}'s {@code Limit/Main}, after its set points, in BTS's order. */
    void writeTo(NewareStep s) {
        if (Double.isFinite(timeSecond)) {
            s.main("Time", NewareUnits.millisecond(timeSecond));
        }
        if (volt != null) {
            s.main("Stop_Volt", NewareUnits.volt(volt));
        }
        if (ampere != null && !ampere.isNaN()) {
            s.main("Stop_Curr", NewareUnits.milliampere(ampere));
            if (rate != null) {
                s.main("Stop_Rate", NewareUnits.rate(rate));
            }
        }
        if (capacityAh != null) {
            s.main("Stop_Cap", NewareUnits.milliampereSecond(capacityAh));
        }
    }
}
