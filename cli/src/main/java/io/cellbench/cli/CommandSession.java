package io.cellbench.cli;

import io.cellbench.cli.control.FileStatus;
import io.cellbench.cli.serve.ServeOptions;
import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.schedules.session.Bench;
import io.cellbench.schedules.session.RunAttachment;
import io.cellbench.schedules.session.SessionExtras;
import io.cellbench.schedules.session.SessionOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What run, demo and resume give every session besides their own options: this version, the
 * console, and what watches the run from the command line (a closed terminal's record, the live
 * page, the progress lines). The session does the rest (schedules' RunSession).
 */
final class CommandSession {
    private CommandSession() {
    }

    /**
     * @param live           the live page (or none), started by the command before the session
     * @param progressMillis how often the progress lines look at the cells
     */
    static SessionOptions.Builder options(Path runDirectory, Path scheduleFile, Bench bench, ServeOptions.LiveRun live,
                                          long progressMillis) {
        return options(runDirectory, scheduleFile, bench, live, progressMillis, List.of());
    }

    /** @param more attachments of the command's own, attached after the others (resume's switch-off) */
    static SessionOptions.Builder options(Path runDirectory, Path scheduleFile, Bench bench, ServeOptions.LiveRun live,
                                          long progressMillis, List<RunAttachment> more) {
        List<RunAttachment> attachments = new java.util.ArrayList<>(List.<RunAttachment>of(RunConsole.hangupRecord(),
                live, session -> RunConsole.answering(), new ProgressReporter(System.out, progressMillis)));
        attachments.addAll(more);
        return SessionOptions.builder(runDirectory, scheduleFile, bench)
                .version(VersionProvider.version())
                .console(System.out)
                // answering: a detached child tells its parent once the control channel answers
                .attachments(attachments);
    }

    /**
     * The free-space watch of {@code runDirectory}, and the status of a resumed run listing the
     * cells that ended before it, as the run's files show them.
     */
    static SessionExtras extras(Path runDirectory, long minFreeBytes) {
        return SessionExtras.watching(runDirectory, minFreeBytes).withFiledCells(FileStatus::cells);
    }

    /** Simulated instruments at {@code speed} (infinite: as fast as possible). */
    static Bench simulated(double speed) {
        return new Bench.Simulated(speed, SimulatedInstruments.FACTORY);
    }
}
