package io.cellbench.daq.spool;

import java.util.List;

/**
 * What opening a spool found: lines left unacknowledged by an earlier process, and repairs
 * made (a torn last line after a kill or power cut, an unreadable committed-offset file).
 */
public record SpoolRecovery(long backlogLines, long backlogBytes, long tornBytesTruncated, List<String> repairs) {

    public SpoolRecovery {
        repairs = List.copyOf(repairs);
    }
}
