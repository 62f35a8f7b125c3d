package io.cellbench.cli;

import io.cellbench.cli.serve.ServeOptions;
import io.cellbench.core.UserError;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.schedules.runner.FaultRetry;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a resumed run sends its data to: by default what the interrupted run had (its
 * journaled {@link RunOptions}), each part overridable on the resume command line. The
 * InfluxDB spool in DIR makes re-attaching safe: lines spooled but not yet sent when the
 * process died go out first, and a line sent twice lands on the same point.
 */
final class ResumeOutputs {
    private ResumeOutputs() {
    }

    /**
     * The InfluxDB options of the resumed run: those given on the resume command line, else
     * none with {@code --no-influx}, else the interrupted run's; {@code null} for none.
     * Credentials come from this process's configuration file and environment: they were
     * never journaled.
     */
    static InfluxOptions influx(InfluxOptions given, boolean none, RunOptions journaled) {
        if (none) {
            return null;
        }
        if (given.url != null || given.database != null || given.configFile != null) {
            return given;
        }
        RunOptions.Influx was = journaled == null ? null : journaled.influx();
        if (was == null) {
            return null;
        }
        InfluxOptions again = new InfluxOptions();
        again.url = was.url();
        again.database = was.database();
        again.configFile = was.configFile() == null ? null : java.nio.file.Path.of(was.configFile());
        return again;
    }

    /** Loads the chosen options ({@code null}: none), saying what to do when the run's InfluxDB cannot be re-attached. */
    static InfluxConfig load(InfluxOptions chosen, RunOptions journaled, Map<String, String> env,
                             PrintStream warnings) {
        if (chosen == null) {
            return null;
        }
        try {
            return chosen.load(env, warnings).config();
        } catch (UserError e) {
            RunOptions.Influx was = journaled == null ? null : journaled.influx();
            if (was == null) {
                throw e;
            }
            throw new UserError("the run was sending to InfluxDB (" + describe(was) + ") and cannot re-attach: "
                    + e.getMessage() + "; give the InfluxDB settings again (--influx, --db, --influx-config, the "
                    + "CELLBENCH_INFLUX_* variables) or resume with --no-influx");
        }
    }

    /** The live page: the one asked for now, else none with {@code --no-serve}, else the interrupted run's. */
    static ServeOptions serve(ServeOptions given, boolean none, RunOptions journaled) {
        if (given.enabled() || none || journaled == null || journaled.serve() == null) {
            return none ? new ServeOptions() : given;
        }
        return ServeOptions.at(journaled.serve().bind(), journaled.serve().port());
    }

    /** The fault retry time: the one given now, else the interrupted run's, else the default. */
    static FaultRetry faultRetry(FaultRetryOption given, RunOptions journaled) {
        FaultRetry was = journaled == null || journaled.faultRetry() == null ? FaultRetry.DEFAULT
                : FaultRetry.parse(journaled.faultRetry());
        return given.orElse(was);
    }

    /** The free-space minimum: the one given now, else the interrupted run's, else the default. */
    static long minFreeSpace(MinFreeSpaceOption given, RunOptions journaled) {
        Long was = journaled == null ? null : journaled.minFreeSpaceBytes();
        return given.orElse(was == null ? MinFreeSpaceOption.DEFAULT_BYTES : was);
    }

    private static String describe(RunOptions.Influx was) {
        StringBuilder sb = new StringBuilder();
        if (was.url() != null) {
            sb.append("--influx ").append(was.url()).append(' ');
        }
        if (was.database() != null) {
            sb.append("--db ").append(was.database()).append(' ');
        }
        if (was.configFile() != null) {
            sb.append("--influx-config ").append(was.configFile()).append(' ');
        }
        if (was.environment()) {
            sb.append("and CELLBENCH_INFLUX_* variables");
        }
        return sb.toString().strip();
    }
}
