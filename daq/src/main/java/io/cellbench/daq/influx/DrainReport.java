package io.cellbench.daq.influx;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What closing an {@link InfluxSink} achieved: whether the spool drained within the time
 * allowed, and what is left in it (it is sent by the next sink opened on the same spool).
 */
public record DrainReport(boolean drained, long linesLeft, long bytesLeft, Duration waited, Path spoolDirectory,
                          InfluxSinkStatus finalStatus) {

    /** One sentence for the console. */
    public String message() {
        if (drained) {
            return "InfluxDB up to date: " + finalStatus.linesWritten() + " lines written"
                    + (finalStatus.linesRejected() > 0
                    ? ", " + finalStatus.linesRejected() + " rejected (see " + finalStatus.rejectedDirectory() + ")"
                    : "");
        }
        return linesLeft + " lines (" + bytesLeft + " bytes) not yet in InfluxDB after waiting "
                + waited.toSeconds() + " s" + (finalStatus.lastError().isEmpty() ? "" : " (" + finalStatus.lastError() + ")")
                + "; they stay in " + spoolDirectory + " and are sent when a sink next opens that spool";
    }
}
