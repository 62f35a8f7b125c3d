package io.cellbench.schedules.session;

import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.execution.ScheduleRunner;
import java.nio.file.Path;

/**
 * Something beside a running session that watches it: the console's progress lines, the live
 * page, the record of a closed terminal. The session calls {@link #attach} once the run's
 * runner exists, {@link #ended} when every cell has ended, and {@link #detach} when it closes
 * (also after a failure). Whoever made the attachment closes what it owns beyond that.
 */
public interface RunAttachment {

    /**
     * What the session gives an attachment.
     *
     * @param runner       the run's cells
     * @param events       the run's listener: an event given to it is recorded and sent as the run's own
     * @param speed        simulated seconds per wall second; 1 for real instruments, infinite for as fast as possible
     * @param runDirectory the run directory
     */
    record Session(ScheduleRunner runner, RunListener events, double speed, Path runDirectory) {
    }

    /**
     * Hears every event beside the run directory, and what the alarm watchdog and notifiers
     * record (the console's alarm lines); it must only queue. Null for none.
     */
    default RunListener listener() {
        return null;
    }

    /** The run's runner exists (the control channel answers); not yet running. */
    void attach(Session session);

    /** Every cell has ended and every channel output is confirmed off: the last word. */
    default void ended(ScheduleRunner runner) {
    }

    /** The session closes: stop what {@link #attach} started. */
    default void detach() {
    }
}
