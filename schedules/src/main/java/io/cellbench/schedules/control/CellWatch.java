package io.cellbench.schedules.control;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code cellbench status} shows beyond the runner's own status: each cell's last
 * recorded sample (for its capacities) and its last fault. A listener beside the run
 * directory's sink; it only stores references.
 */
public final class CellWatch implements RunListener {
    private final Map<String, Sample> lastSample = new ConcurrentHashMap<>();
    private final Map<String, String> lastFault = new ConcurrentHashMap<>();
    private final Map<String, Double> runStart = new ConcurrentHashMap<>();
    private final Map<String, Double> silentSince = new ConcurrentHashMap<>();

    @Override
    public void on(RunEvent event) {
        switch (event) {
            case RunEvent.RunStarted s -> runStart.put(s.cellId(), s.unixTimeSecond());
            case RunEvent.SampleRecorded s -> lastSample.put(s.cellId(), s.sample());
            case RunEvent.Notice n when n.severity() == RunEvent.Severity.ALARM -> {
                lastFault.put(n.cellId(), n.message());
                if (n.message().startsWith(SILENT)) {
                    silentSince.put(n.cellId(), n.testTimeSecond());
                }
            }
            case RunEvent.RunEnded e when e.outcome() == RunEvent.Outcome.FAULT
                    || e.outcome() == RunEvent.Outcome.SAFETY_TRIP -> lastFault.put(e.cellId(), e.message());
            default -> {
                // steps, spectra and other notices say nothing new for the status line
            }
        }
    }

    /** How the watchdog's silent-channel alarm begins (schedules' SilentChannelWatch). */
    private static final String SILENT = "channel silent:";

    /** Unix time of the cell's test time 0, NaN before its run started. */
    double runStart(String cellId) {
        return runStart.getOrDefault(cellId, Double.NaN);
    }

    /**
     * The test time since which the watchdog has found the channel silent, NaN when it has not
     * (or it sampled again since: the caller compares with the cell's last sample).
     */
    double silentSince(String cellId) {
        return silentSince.getOrDefault(cellId, Double.NaN);
    }

    Sample lastSample(String cellId) {
        return lastSample.get(cellId);
    }

    String lastFault(String cellId) {
        return lastFault.get(cellId);
    }
}
