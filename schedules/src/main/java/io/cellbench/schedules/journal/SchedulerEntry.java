package io.cellbench.schedules.journal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scheduler decided about one cell, beside the runner's position: the file
 * DIR/journal/scheduler/&lt;cell&gt;.json (format in docs/operations.md, "The journal").
 *
 * @param cellId  the cell
 * @param channel the cycler channel it was given (a pool's channel: it is wired there); {@code null} before one
 * @param holds   the holds a resume puts back, source → reason, oldest first (never an interlock's)
 */
public record SchedulerEntry(String cellId, String channel, Map<String, String> holds) {

    public SchedulerEntry {
        holds = holds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(holds));
    }

    static SchedulerEntry empty(String cellId) {
        return new SchedulerEntry(cellId, null, Map.of());
    }

    SchedulerEntry withChannel(String name) {
        return new SchedulerEntry(cellId, name, holds);
    }

    SchedulerEntry withHolds(Map<String, String> kept) {
        return new SchedulerEntry(cellId, channel, kept);
    }
}
