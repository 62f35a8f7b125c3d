package io.cellbench.daq.sink;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A place a run's events go besides its run directory (InfluxDB; a Parquet file, a message
 * queue), found the way drivers are: a class implementing this and its name on a line of
 * {@code META-INF/services/io.cellbench.daq.sink.SinkFactory}. See docs/architecture.md,
 * "How to add a sink".
 *
 * <p>A sink gets every event of the run in each cell's order (samples, steps, spectra,
 * notices, ends; also what another sink derived from them, see {@link SinkContext#publish}),
 * after the run directory has recorded it. It never holds up a cell: {@code on} hands off and
 * returns; a sink that fails is reported once and the run goes on (the run directory is the
 * record).
 */
public interface SinkFactory {
    /** The name settings use ("influxdb"): lower case, no spaces. */
    String name();

    /** The name people read in messages ("InfluxDB"). */
    String displayName();

    /**
     * Whether every run opens this sink unasked, with empty settings: for a sink that decides
     * per cell from what the run says (a protocol that names an impedance circuit to fit)
     * rather than from an option. Such a sink's {@code open} must be cheap when it has nothing
     * to do. Default: only when asked for.
     */
    default boolean automatic() {
        return false;
    }

    /**
     * Checks the settings (and whatever they name: a configuration file, environment
     * variables) before anything of the run is created.
     *
     * @return warnings a person should see (a readable password file), printed once
     * @throws io.cellbench.core.UserError saying what is wrong and what to do
     */
    List<String> check(SinkSettings settings, Map<String, String> environment);

    /**
     * Opens the sink for one run (after {@link #check}); it may say on {@code context}'s
     * console where it sends.
     *
     * @throws io.cellbench.core.UserError for settings it cannot use after all
     * @throws IOException when what it writes to cannot be opened
     */
    RunSink open(SinkContext context, SinkSettings settings) throws IOException;
}
