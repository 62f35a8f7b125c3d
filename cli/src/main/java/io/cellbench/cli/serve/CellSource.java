package io.cellbench.cli.serve;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What the live page shows: the cells of one run and their time series. */
public interface CellSource {

    /** The run's id from run.json, empty before run.json exists. */
    String runId();

    /** Whether the run is going on in this process (statuses from the runner itself). */
    boolean live();

    List<CellView> cells() throws IOException;

    /**
     * The cell's samples with test time after {@code since}, at most {@code max} of them
     * (evenly thinned, the newest always kept); empty when the run has no such cell.
     */
    Optional<Series> series(String cellId, double since, int max) throws IOException;
}
