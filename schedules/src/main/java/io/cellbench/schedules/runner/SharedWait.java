package io.cellbench.schedules.runner;

/**
 * Something a cell waits for that other cells share: its turn at an analyzer, the other
 * cells of its chamber. The runner rests the cell at open circuit, sampling, until {@link
 * #ready}; a hold or a stop makes it {@link #leave} (it must not keep others waiting while
 * paused), and after a pause it {@link #join}s again.
 */
interface SharedWait {
    /** Takes a place (again); harmless when the cell already has one. */
    void join();

    /** True once the cell may go on. */
    boolean ready();

    /** Why the cell can never go on (a conflict between cells), or {@code null}. */
    String conflict();

    /** Blocks (real time) up to {@code nanos}, or until {@link #ready} may have changed. */
    void await(long nanos) throws InterruptedException;

    /** Gives up the place (or the turn, once done with it); harmless when the cell has none. */
    void leave();

    /** What the cell waits for, for events and the status: "the EIS analyzer eis-1 (2 cells ahead)". */
    String describe();

    /** The same without the details that change while waiting: "the EIS analyzer eis-1". */
    String subject();
}
