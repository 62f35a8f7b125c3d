package io.cellbench.schedules.schedule;

import java.util.List;

/** A schedule file, parsed: which cells run which protocols. */
public record Schedule(String name, String source, List<ScheduledCell> cells) {
    public Schedule {
        cells = List.copyOf(cells);
    }
}
