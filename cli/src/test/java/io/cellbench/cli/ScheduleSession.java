package io.cellbench.cli;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.session.Bench;
import io.cellbench.schedules.session.RunAttachment;
import io.cellbench.schedules.session.RunSession;
import io.cellbench.schedules.session.SessionExtras;
import io.cellbench.schedules.session.SessionOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one call of the command line's former session wiring that a test was written against
 * (DiskSpaceWatchTest, before issue 12 replaced that wiring by schedules' RunSession), kept for
 * it in test scope only: a fresh simulated run through {@link RunSession}, with the progress lines
 * on {@code console} and the runner handed to {@code onStart} as it exists.
 */
final class ScheduleSession {
    private ScheduleSession() {
    }

    /**
     * @param influx not supported here (null)
     * @param notify not supported here (null)
     */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed, long progressMillis,
                                                      PrintStream console, InfluxConfig influx,
                                                      Consumer<ScheduleRunner> onStart, NotifyConfig notify,
                                                      SessionExtras extras) throws IOException, InterruptedException {
        if (influx != null || notify != null) {
            throw new IllegalArgumentException("the test session has no InfluxDB and no notifiers");
        }
        RunAttachment started = session -> onStart.accept(session.runner());
        return RunSession.run(SessionOptions.builder(out, Path.of(schedule.source()),
                        new Bench.Simulated(speed, SimulatedInstruments.FACTORY))
                .console(console).extras(extras)
                .attachments(List.of(started, new ProgressReporter(console, progressMillis))).build());
    }
}
