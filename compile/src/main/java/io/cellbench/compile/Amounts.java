package io.cellbench.compile;

import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;

/**
 * The protocol's set points and cut-offs in amperes, with C-rates turned into currents
 * through the cell's nominal capacity. Cyclers run on currents; without a capacity a C-rate
 * cannot be compiled, and the step is refused where it is written.
 */
public final class Amounts {
    private final CompileOptions options;
    private final Refusals refusals;

    public Amounts(CompileOptions options, Refusals refusals) {
        this.options = options;
        this.refusals = refusals;
    }

    public boolean hasCapacity() {
        return options.hasCapacity();
    }

    public double capacityAh() {
        return options.capacityAh();
    }

    /** The |current| of a CURRENT or C_RATE drive, in A; NaN (after a refusal) when a C-rate has no capacity. */
    public double ampere(Step.Drive d) {
        if (d.control() == Step.Control.C_RATE) {
            return cRate(d, d.value());
        }
        return d.value();
    }

    /** The |current| of a CURRENT or C_RATE termination, in A; NaN (after a refusal) when a C-rate has no capacity. */
    public double ampere(Step step, Termination t) {
        return t.measure() == Termination.Measure.C_RATE ? cRate(step, t.value()) : t.value();
    }

    private double cRate(Step step, double c) {
        if (!options.hasCapacity()) {
            refusals.refuse(step, "needs the cell's nominal capacity to turn a C-rate into a current",
                    "give it: cellbench compile ... --capacity 2mAh");
            return Double.NaN;
        }
        return c * options.capacityAh();
    }
}
