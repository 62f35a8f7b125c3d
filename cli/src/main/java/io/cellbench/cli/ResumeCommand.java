package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.run.RunManifest;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ResumePlan;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.lab.LabCheck;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.LabLoader;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import io.cellbench.cli.serve.ServeOptions;
import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.session.Bench;
import io.cellbench.schedules.session.FinishedEnds;
import io.cellbench.schedules.session.RunSession;
import io.cellbench.schedules.session.SessionExtras;
import io.cellbench.schedules.session.SessionStart;
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

    /** The options of run and demo; those not given here are the run's, from its journal ({@link ResumeOutputs}). */
    @Mixin
    RunServiceOptions services;

    @Option(names = "--no-influx", description = "Do not send to the InfluxDB the run was sending to.")
    boolean noInflux;

    @Option(names = "--no-serve", description = "Do not serve the live page the run was serving.")
    boolean noServe;

    @Mixin
    DetachOption detach = new DetachOption();

    @Option(names = "--accept-missing-data",
            description = {"Continue cells whose recorded samples end before their journal says they had been",
                "written (a file truncated, deleted or restored from an older copy): each goes on from its",
                "journal, and the hole is recorded in events.jsonl, where 'data' commands warn of it."})
    boolean acceptMissingData;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (detach.requested()) {
            return detach.start(dir);
        }
        RepairCommand.requireRunJson(dir);
        // Everything up to the plan only reads: a refused resume writes nothing and plans nothing aloud.
        try (var lock = RunDirectoryLock.acquire(dir, "resume")) {
            return resume(lock);
        }
    }

    private int resume(io.cellbench.schedules.lock.LockFile lock) throws IOException, InterruptedException {
        services.notify.check();
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

        List<RunEvent.Notice> notes = new ArrayList<>();
        ResumeData.check(dir, plan, acceptMissingData, notes);

        Map<String, RunEvent.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, JournalEntry> positions = new LinkedHashMap<>();
        List<ScheduledCell> toRun = new ArrayList<>();
        List<String> said = new ArrayList<>();
        // SAFETY: a cell that faulted with its output not confirmed off, the process that kept
        // switching it off killed: this resume switches it off (real instruments only; the
        // simulated ones of a --simulate run ended with their process).
        Map<ScheduledCell, JournalEntry> leftOn = new LinkedHashMap<>();
        for (ScheduledCell cell : schedule.cells()) {
            String id = cell.info().id();
            switch (plan.get(id)) {
                case ResumePlan.Finished f -> {
                    outcomes.put(id, f.outcome());
                    Optional<JournalEntry> inDoubt = lab == null ? Optional.empty()
                            : JournalFiles.readEntry(dir, id).filter(JournalEntry::outputInDoubt);
                    inDoubt.ifPresent(e -> leftOn.put(cell, e));
                    said.add("  " + id + ": finished (" + f.outcome() + "), " + (inDoubt.isPresent()
                            ? "its output never confirmed off: switched off now" : "left alone"));
                }
                case ResumePlan.Continue c -> {
                    positions.put(id, c.entry());
                    toRun.add(cell);
                    var p = c.entry().position();
                    said.add(String.format(Locale.ROOT, "  %s: continues in step %d of cycle %d at test time %.0f s",
                            id, p.stepIndex(), p.counters().cycleCount(), p.testTimeSecond()));
                }
                case ResumePlan.Fresh f -> {
                    toRun.add(cell);
                    said.add("  " + id + ": had not started, starts now");
                }
                case ResumePlan.MissingData m -> throw new IllegalStateException("checked above: " + m);
            }
        }
        RunManifest manifest;
        try (RunReader reader = RunReader.open(dir)) {
            manifest = reader.manifest();
        }
        if (toRun.isEmpty() && leftOn.isEmpty()) {
            said.forEach(System.out::println);
            // a cell that ended as the disk filled has its end in its journal only: run.json gets it now
            FinishedEnds.record(dir, new RunInfo(manifest.runId(), Instant.parse(manifest.startTime()),
                    VersionProvider.version(), Map.of(), ids), ids).forEach(System.out::println);
            System.out.println("cellbench resume: every cell of " + dir + " has finished; nothing to do.");
            return RunSummary.print(dir, outcomes, System.out);
        }
        Schedule remaining = schedule.withCells(toRun);
        if (lab != null) {
            LabCheck.check(remaining, lab);
        }
        RunOptions journaled = RunOptions.read(dir).orElse(null);
        InfluxOptions influxChosen = ResumeOutputs.influx(services.influx, noInflux, journaled);
        // the run's InfluxDB, re-attached (its settings checked and their warnings said now), or none
        List<SinkSettings> sinks = ResumeOutputs.load(influxChosen, journaled, System.getenv(), System.err) == null
                ? List.of() : List.of(influxChosen.settings());
        ServeOptions page = ResumeOutputs.serve(services.serve, noServe, journaled);
        FaultRetry retry = ResumeOutputs.faultRetry(services.faultRetry, journaled);
        long minFree = ResumeOutputs.minFreeSpace(services.minFreeSpace, journaled);
        MinFreeSpaceOption.requireFree(dir, minFree, DiskSpaceWatch.FreeSpace.of(dir));
        // a run whose sweeps were fitted goes on fitting them with the same circuit
        SessionExtras extras = CommandSession.extras(dir, minFree).withNotes(notes)
                .withFits(io.cellbench.daq.impedance.FitReader.circuit(dir));
        SessionStart.Resumed start = new SessionStart.Resumed(manifest.runId(), Instant.parse(manifest.startTime()),
                mode.clockStartUnixSecond(), toRun.stream().map(c -> c.info().id()).toList(), positions);
        Bench bench = lab != null ? new Bench.OnLab(dir.resolve(mode.lab()))
                : CommandSession.simulated(mode.speed() > 0 ? mode.speed() : Double.POSITIVE_INFINITY);
        Map<String, RunEvent.Outcome> resumed;
        try (var live = page.start(dir, System.out)) { // the last refusal: the live page's port may be taken
            lock.announce(); // from here on this resume writes the directory
            said.forEach(System.out::println);
            notes.forEach(n -> System.out.println("  " + n.cellId() + ": " + n.message()));
            RunConsole.committed(dir);
            // What this resume attached is what the next one re-attaches.
            RunOptions.of(retry, influxChosen, page, minFree).write(dir);
            System.out.println("cellbench resume: continuing " + toRun.size() + " of " + ids.size() + " cells of run "
                    + manifest.runId() + (lab != null ? " on lab '" + lab.name() + "' (" + mode.lab() + ")"
                    : mode.speed() > 0 ? " at speed " + mode.speed() : " as fast as possible"));
            // SAFETY: the runner switches off the outputs of finished cells left on, before the cells run
            List<io.cellbench.schedules.session.RunAttachment> switchOff = leftOn.isEmpty() ? List.of()
                    : List.of(session -> session.runner().switchOffLeftOn(leftOn));
            resumed = RunSession.run(CommandSession.options(dir, dir.resolve(mode.schedule()), bench, live, 2000,
                            switchOff)
                    .start(start).faultRetry(retry).notifyFile(services.notify.file()).sinks(sinks).extras(extras).build());
        }
        Map<String, RunEvent.Outcome> all = new LinkedHashMap<>();
        for (String id : ids) {
            all.put(id, resumed.containsKey(id) ? resumed.get(id) : outcomes.get(id));
        }
        return RunSummary.print(dir, all, System.out);
    }
}
