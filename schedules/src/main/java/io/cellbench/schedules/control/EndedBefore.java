package io.cellbench.schedules.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a run that a resumed process does not run because they had ended before it
 * started (completed, or a fault or a safety trip that wants a person first), as the run
 * directory's files show them. {@code status} lists them beside the running cells, so that a
 * cell's fault and its message stay in view across restarts instead of vanishing from the
 * status at the first resume.
 */
final class EndedBefore {
    static final EndedBefore NONE = new EndedBefore(List.of(), Map.of());

    /** Every cell of the run in the schedule's order, as the files know them. */
    private final List<String> order;
    private final Map<String, CellStatus> ended;

    private EndedBefore(List<String> order, Map<String, CellStatus> ended) {
        this.order = order;
        this.ended = ended;
    }

    /**
     * Read at the first request, not as the process starts: the control channel answers at once
     * (a status in the first moments of a run is read first-hand, not delayed by the files).
     */
    static java.util.function.Supplier<EndedBefore> lazily(Path runDirectory, List<String> running, FiledCells files) {
        if (files == null) {
            return () -> NONE;
        }
        EndedBefore[] read = new EndedBefore[1];
        return () -> {
            synchronized (read) {
                if (read[0] == null) {
                    read[0] = read(runDirectory, running, files);
                }
                return read[0];
            }
        };
    }

    /**
     * Reads the run directory once, as the process starts: the cells that ended, among those it
     * does not run. Unreadable files give none (the running cells are shown as ever).
     */
    static EndedBefore read(Path runDirectory, List<String> running, FiledCells files) {
        try {
            List<String> order = new ArrayList<>();
            Map<String, CellStatus> ended = new LinkedHashMap<>();
            for (CellStatus c : files.read(runDirectory)) {
                order.add(c.cellId());
                if (!running.contains(c.cellId()) && "ENDED".equals(c.state())) {
                    ended.put(c.cellId(), c);
                }
            }
            return new EndedBefore(List.copyOf(order), Map.copyOf(ended));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The cell's row when it ended before this process started, else null. */
    CellStatus row(String id) {
        return ended.get(id);
    }

    /**
     * The running cells, the ended ones and those whose output this process switches off
     * ({@code leftOn}), in the run's order (cells the files do not know yet last).
     */
    List<String> order(List<String> running, List<String> leftOn) {
        if (ended.isEmpty() && leftOn.isEmpty()) {
            // this process runs every cell: its schedule is the order (the files may not have it
            // yet in a run's first moments, and what was read then is kept)
            return running;
        }
        List<String> out = new ArrayList<>();
        for (String id : order) {
            if (running.contains(id) || ended.containsKey(id) || leftOn.contains(id)) {
                out.add(id);
            }
        }
        running.stream().filter(id -> !out.contains(id)).forEach(out::add);
        leftOn.stream().filter(id -> !out.contains(id)).forEach(out::add);
        return out;
    }
}
