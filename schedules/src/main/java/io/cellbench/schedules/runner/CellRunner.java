package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent.Outcome;

/**
 * What the scheduler does with a running cell, however the cell runs: step by step on a channel
 * cellbench drives ({@link ProtocolRunner}), or as programs a cycler runs by itself
 * ({@link DelegatedRunner}). {@link #run} on the cell's thread; the rest from any thread.
 */
public interface CellRunner {

    /** Runs the cell's protocol to its end; returns how it ended. A runner runs once. */
    Outcome run();

    /** Where the run is now; cheap, safe from any thread. */
    RunnerStatus status();

    /** Asks the run to stop; it ends with {@link Outcome#STOPPED}. */
    void stop();

    /** Holds the run on behalf of {@code source} until every source has released it. */
    void hold(String source, String reason);

    /** Ends the hold of {@code source}. */
    void release(String source);

    /** Why the channel's output is not known to be off after the run, or {@code null}. */
    String outputUnconfirmed();
}
