package io.cellbench.daq.spool;

import java.nio.file.Path;

/**
 * Counters of one open spool. {@code recoveredLines} were found unacknowledged when it was
 * opened (left by an earlier process); the backlog is what is not yet acknowledged.
 */
public record SpoolStatus(Path directory, long recoveredLines, long appendedLines, long committedLines,
                          long backlogLines, long backlogBytes, int segments) {
}
