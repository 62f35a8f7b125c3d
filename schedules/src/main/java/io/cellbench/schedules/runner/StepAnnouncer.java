package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import java.util.function.DoubleSupplier;

/**
 * The runner's listener, which holds a step's {@link RunEvent.StepStarted} back until the
 * step's time is fixed: a step starts when its first command acted on the cell, which on a slow
 * link is a good while after the runner began it (docs/runner.md, "Charge at a step edge").
 * The event goes out, dated at the step's start as the sample grid then has it, just before the
 * next event of any kind, so it still comes first in its step; the runner sends it as soon as
 * the first command acted ({@link #announce}). Owned by the runner thread.
 */
final class StepAnnouncer implements RunListener {
    private final RunListener listener;
    private final String cellId;
    /** The step's start as test time, once it is known. */
    private final DoubleSupplier stepStartTestTime;
    private int stepCount;
    private int stepIndex;
    private int cycleCount;
    private String text;

    StepAnnouncer(RunListener listener, String cellId, DoubleSupplier stepStartTestTime) {
        this.listener = listener;
        this.cellId = cellId;
        this.stepStartTestTime = stepStartTestTime;
    }

    /** A step began: its StepStarted waits for its first command ({@link #announce}) or the next event. */
    void began(int stepCount, int stepIndex, int cycleCount, String text) {
        this.stepCount = stepCount;
        this.stepIndex = stepIndex;
        this.cycleCount = cycleCount;
        this.text = text;
    }

    /** Sends the held StepStarted, if any, dated at the step's start now. */
    void announce() {
        if (text != null) {
            String description = text;
            text = null;
            listener.on(new RunEvent.StepStarted(cellId, stepStartTestTime.getAsDouble(), stepCount, stepIndex,
                    cycleCount, description));
        }
    }

    @Override
    public void on(RunEvent event) {
        announce();
        listener.on(event);
    }

    /** The runner never closes its listener (see {@link ProtocolRunner}); nor does this. */
    @Override
    public void close() {
    }
}
