package io.cellbench.daq.sink;

import io.cellbench.core.data.RunListener;
import io.cellbench.daq.impedance.SweepFits;
import io.cellbench.impedance.circuit.Circuit;
import java.time.Duration;
import java.util.Optional;

/**
 * One run's sink, opened by its {@link SinkFactory}. {@link #on} is called from the cells'
 * threads, each cell's events in order; it must return quickly (hand off to a thread or a
 * spool of its own). An exception from {@code on} is reported once and the sink gets no
 * more say in the run's outcome: it should raise its own notices through the context.
 */
public interface RunSink extends RunListener {

    /**
     * Called once after the last event: finish sending (bounded by {@link #closePatience}),
     * say on the context's console how it went, release everything.
     */
    @Override
    void close();

    /**
     * How long {@link #close} may take at most; an interrupted run (Ctrl-C) waits this much
     * longer for the files to close.
     */
    default Duration closePatience() {
        return Duration.ZERO;
    }

    /** What {@code cellbench status} shows about this sink while the run goes; empty for nothing. */
    default Optional<SinkStatus> status() {
        return Optional.empty();
    }

    /**
     * Where this sink takes the impedance fits of a run that fits its sweeps as they are
     * measured ({@code run --fit}, the demo), fitted with {@code circuit}; empty: it takes none.
     */
    default Optional<SweepFits.Output> fits(Circuit circuit) {
        return Optional.empty();
    }
}
