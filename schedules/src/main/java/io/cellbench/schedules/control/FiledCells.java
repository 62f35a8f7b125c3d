package io.cellbench.schedules.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The status of a run's cells as its files show them, every cell the files know in the
 * schedule's order. The command line reads them (events.jsonl, journals, the last samples);
 * the running status takes from them the cells that ended before this process started.
 */
@FunctionalInterface
public interface FiledCells {
    List<CellStatus> read(Path runDirectory) throws IOException;
}
