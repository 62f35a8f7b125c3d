package io.cellbench.daq.influx;

import java.nio.file.Path;

/**
 * Counters of an {@link InfluxSink}, for a status line or page. Lines are points.
 *
 * @param linesSpooled   lines appended to the spool by this sink (events and the sink's own notices)
 * @param linesRecovered lines an earlier process left in the spool, found when this sink opened it
 * @param linesWritten   lines the server acknowledged (a line re-sent after a failure counts each time it is acknowledged)
 * @param linesRetried   lines sent again after a failed attempt
 * @param linesRejected  lines the server refused as bad, moved to {@code rejected/}
 * @param backlogLines   lines waiting in the spool
 * @param backlogBytes   bytes waiting in the spool
 * @param batchesWritten acknowledged POSTs
 * @param serverReachable whether the last attempt reached the server and it accepted the lines
 * @param lastError      the last failure, or empty
 */
public record InfluxSinkStatus(long linesSpooled, long linesRecovered, long linesWritten, long linesRetried,
                               long linesRejected, long backlogLines, long backlogBytes, long batchesWritten,
                               boolean serverReachable, String lastError, Path spoolDirectory,
                               Path rejectedDirectory) {
}
