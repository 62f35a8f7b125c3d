package io.cellbench.core.data;

/**
 * Receives a run's events in order. Listeners must not block for long: a slow sink buffers
 * or hands off to its own thread so acquisition never waits on it.
 */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);

    /** Called once after the last event; sinks flush and close here. */
    default void close() {
    }
}
