package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands every event to the run directory first, then to a second sink (InfluxDB). The run
 * directory is the record: its failures reach the runner as before. The second sink's
 * failures (its spool's disk is full) are reported once and do not stop the test; the sink
 * raises its own alarm.
 */
final class TeeListener implements RunListener {
    private final RunListener record;
    private final RunListener live;
    private final PrintStream console;
    private final AtomicBoolean reported = new AtomicBoolean();

    TeeListener(RunListener record, RunListener live, PrintStream console) {
        this.record = record;
        this.live = live;
        this.console = console;
    }

    @Override
    public void on(RunEvent event) {
        record.on(event);
        try {
            live.on(event);
        } catch (RuntimeException e) {
            if (reported.compareAndSet(false, true)) {
                console.println("cellbench: InfluxDB is not getting this run's data any more: " + e.getMessage()
                        + " (the run directory still records everything)");
            }
        }
    }
}
