package io.cellbench.daq.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run directory records about the run as a whole.
 *
 * @param runId            the run's identifier (also written into every Arrow file)
 * @param startTime        when the run started
 * @param cellbenchVersion the version of cellbench that recorded it
 * @param instruments      per cell id, a description of the instruments that test it
 *                         ("cycler sim-1 channel 3; eis bio-1 via mux port 2"); cells not
 *                         listed get an empty description
 * @param cells            the cell ids in the order run.json lists them: the schedule's (an
 *                         import's, its files'), not the order the cells happen to start in, so
 *                         that every run of a schedule reads and plots alike; cells not listed
 *                         follow, in the order they started
 */
public record RunInfo(String runId, Instant startTime, String cellbenchVersion, Map<String, String> instruments,
                      List<String> cells) {

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startTime, "startTime");
        cellbenchVersion = cellbenchVersion == null ? "" : cellbenchVersion;
        instruments = instruments == null ? Map.of() : Map.copyOf(instruments);
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    public RunInfo(String runId, Instant startTime, String cellbenchVersion, Map<String, String> instruments) {
        this(runId, startTime, cellbenchVersion, instruments, List.of());
    }

    public RunInfo(String runId, Instant startTime, String cellbenchVersion) {
        this(runId, startTime, cellbenchVersion, Map.of());
    }

    public String instrumentsOf(String cellId) {
        return instruments.getOrDefault(cellId, "");
    }
}
