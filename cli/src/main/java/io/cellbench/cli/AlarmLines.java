package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The run's alarms for the console: every alarm-level notice (a fault, a trip, a silent
 * channel, an output not confirmed off, an alarm that reached nobody), queued for the progress
 * display to print. A listener beside the run directory's sink: it only queues, so a slow
 * terminal never holds up a cell, and wakes the display, which prints it at once rather than at
 * its next look (a process killed in the seconds between would never show it).
 */
final class AlarmLines implements RunListener {
    private final Queue<RunEvent.Notice> queued = new ConcurrentLinkedQueue<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Semaphore arrived = new Semaphore(0);

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.Notice n && n.severity() == RunEvent.Severity.ALARM) {
            queued.add(n);
            latest.put(n.cellId(), n.message());
            arrived.release();
        }
    }

    /** Waits up to {@code millis} for an alarm to be queued (or one queued since the last wait). */
    void await(long millis) throws InterruptedException {
        if (arrived.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            arrived.drainPermits(); // one look prints every alarm queued by then
        }
    }

    /** The alarms not printed yet, oldest first, as console lines. */
    List<String> drain() {
        List<String> lines = new ArrayList<>();
        for (RunEvent.Notice n = queued.poll(); n != null; n = queued.poll()) {
            // a cell's alarm names the cell; a run-wide one (the disk, InfluxDB) stands alone
            lines.add("cellbench: ALARM" + (n.cellId().isEmpty() ? ": " : " " + n.cellId() + ": ")
                    + n.message().replace('\n', ' '));
        }
        return lines;
    }

    /** The cell's latest alarm, or null. */
    String latest(String cellId) {
        return latest.get(cellId);
    }
}
