package io.cellbench.cli;

import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The cells of a run directory in the order its schedule lists them. events.jsonl holds them in
 * the order their threads happened to start, which differs from run to run, and so does the
 * run.json of an older cellbench (a run now writes it in schedule order); what people read (data,
 * status, plots) follows the schedule the run was started with (DIR/inputs).
 */
public final class ScheduleOrder {
    private ScheduleOrder() {
    }

    /**
     * {@code cells} reordered: those of the schedule copy first, in its order, then the rest in
     * the order given (cells of a run without a readable schedule copy, such as an imported one).
     */
    public static List<String> of(Path runDirectory, Collection<String> cells) {
        List<String> ordered = new ArrayList<>();
        for (String id : scheduled(runDirectory)) {
            if (cells.contains(id)) {
                ordered.add(id);
            }
        }
        cells.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        return ordered;
    }

    /** The cell ids of the schedule copy, in order; empty when the run has none or it cannot be read. */
    public static List<String> scheduled(Path runDirectory) {
        try {
            Optional<RunMode> mode = JournalFiles.readRunMode(runDirectory);
            if (mode.isPresent()) {
                return ScheduleLoader.load(runDirectory.resolve(mode.get().schedule())).cells().stream()
                        .map(c -> c.info().id()).toList();
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable copy orders nothing: the caller's order stands
        }
        return List.of();
    }
}
