package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.RunManifest;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ResumePlan;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.LabLoader;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.daq.run.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import io.cellbench.cli.serve.ServeOptions;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.schedules.runner.FaultRetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run that was stopped (Ctrl-C) or interrupted (crash, reboot, kill).",
            "Every unfinished cell goes on from its journal (DIR/journal) with the schedule and protocols",
            "copied into DIR/inputs when the run started, in the same mode (--simulate and --speed, or",
            "--lab with the lab file copied into DIR/inputs/lab).",
            "Finished cells are left alone. The run's InfluxDB, live page and fault retry time are",
            "re-attached from DIR/journal/run-options.json unless overridden here. See docs/operations.md,",
            "\"Resume\"."},
        footer = {"", "Examples:",
            "  cellbench run schedule.yaml --simulate --speed 3600 --out runs/live",
            "  cellbench resume runs/live"})
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The run directory to continue.")
    Path dir;

    @picocli.CommandLine.Mixin
    io.cellbench.cli.control.NotifyOptions notify = new io.cellbench.cli.control.NotifyOptions();

    @Mixin
    InfluxOptions influx;

    @Option(names = "--no-influx", description = "Do not send to the InfluxDB the run was sending to.")
    boolean noInflux;

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Option(names = "--no-serve", description = "Do not serve the live page the run was serving.")
    boolean noServe;

    @Mixin
    FaultRetryOption faultRetry = new FaultRetryOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new UserError(dir + " is not a run directory (it has no run.json)");
        }
        notify.check();
        RunMode mode = JournalFiles.readRunMode(dir).orElseThrow(() -> new UserError(dir
                + " has no " + JournalFiles.DIRECTORY + "/" + JournalFiles.RUN_MODE
                + ": only runs started by this version of 'cellbench run' or 'cellbench demo' can be resumed"));
        if (!mode.simulate() && mode.lab() == null) {
            throw new UserError(dir + " was run on instruments, but its run mode names no lab file");
        }
        LabFile lab = mode.lab() == null ? null : LabLoader.load(dir.resolve(mode.lab()));
        Schedule schedule = ScheduleLoader.load(dir.resolve(mode.schedule()));
        List<String> ids = schedule.cells().stream().map(c -> c.info().id()).toList();
        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, ids);

        Map<String, RunEvent.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, JournalEntry> positions = new LinkedHashMap<>();
        List<ScheduledCell> toRun = new ArrayList<>();
        for (ScheduledCell cell : schedule.cells()) {
            String id = cell.info().id();
            switch (plan.get(id)) {
                case ResumePlan.Finished f -> {
                    outcomes.put(id, f.outcome());
                    System.out.println("  " + id + ": finished (" + f.outcome() + "), left alone");
                }
                case ResumePlan.Continue c -> {
                    positions.put(id, c.entry());
                    toRun.add(cell);
                    var p = c.entry().position();
                    System.out.printf(Locale.ROOT, "  %s: continues in step %d of cycle %d at test time %.0f s%n",
                            id, p.stepIndex(), p.counters().cycleCount(), p.testTimeSecond());
                }
                case ResumePlan.Fresh f -> {
                    toRun.add(cell);
                    System.out.println("  " + id + ": had not started, starts now");
                }
            }
        }
        if (toRun.isEmpty()) {
            System.out.println("cellbench resume: every cell of " + dir + " has finished; nothing to do.");
            return RunSummary.print(dir, outcomes, System.out);
        }
        RunManifest manifest;
        try (RunReader reader = RunReader.open(dir)) {
            manifest = reader.manifest();
        }
        RunOptions journaled = RunOptions.read(dir).orElse(null);
        InfluxOptions influxChosen = ResumeOutputs.influx(influx, noInflux, journaled);
        InfluxConfig liveInflux = ResumeOutputs.load(influxChosen, journaled, System.getenv(), System.err);
        ServeOptions page = ResumeOutputs.serve(serve, noServe, journaled);
        FaultRetry retry = ResumeOutputs.faultRetry(faultRetry, journaled);
        // what this resume attached is what the next one re-attaches
        RunOptions.of(retry, influxChosen, page).write(dir);
        Schedule remaining = schedule.withCells(toRun);
        RunInfo info = new RunInfo(manifest.runId(), Instant.parse(manifest.startTime()), VersionProvider.version(),
                lab == null ? ScheduleSession.describe(schedule) : ScheduleSession.describe(schedule, lab));
        System.out.println("cellbench resume: continuing " + toRun.size() + " of " + ids.size() + " cells of run "
                + manifest.runId() + (lab != null ? " on lab '" + lab.name() + "' (" + mode.lab() + ")"
                : mode.speed() > 0 ? " at speed " + mode.speed() : " as fast as possible"));
        var alarms = notify.install(dir);
        Map<String, RunEvent.Outcome> resumed;
        try (var live = page.start(dir, System.out)) {
            resumed = lab != null
                    ? ScheduleSession.resumeOnLab(remaining, lab, dir, info, positions, 2000, System.out,
                            liveInflux, runner -> live.attach(runner.faultRetry(retry)), alarms)
                    : ScheduleSession.resumeSimulated(remaining, dir, info, mode, positions, 2000, System.out,
                            liveInflux, runner -> live.attach(runner.faultRetry(retry)), alarms);
        }
        Map<String, RunEvent.Outcome> all = new LinkedHashMap<>();
        for (String id : ids) {
            all.put(id, resumed.containsKey(id) ? resumed.get(id) : outcomes.get(id));
        }
        return RunSummary.print(dir, all, System.out);
    }

}
