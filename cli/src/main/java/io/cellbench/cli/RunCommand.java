package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import io.cellbench.schedules.lab.LabCheck;
import io.cellbench.schedules.lab.LabLoader;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.session.Bench;
import io.cellbench.schedules.session.RunSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a schedule: every cell runs its protocol at the same time.",
            "With --lab, on the instruments of a lab file, through their drivers, in real time;",
            "with --simulate, on simulated instruments (no hardware needed)."},
        footer = {"", "Examples:",
            "  cellbench run schedule.yaml --lab lab.yaml --out runs/b7         real instruments",
            "  cellbench virtual-lab --write-lab lab.yaml --schedule-out vl.yaml --protocol formation.yaml",
            "  cellbench run vl.yaml --lab lab.yaml --out runs/vl                 (in a second terminal)",
            "  cellbench run schedule.yaml --simulate --out runs/trial          as fast as possible",
            "  cellbench run schedule.yaml --simulate --speed 3600 --out runs/live  one hour per second",
            "  cellbench run schedule.yaml --simulate --out runs/t2 \\",
            "      --influx http://127.0.0.1:8086 --db lab",
            "", "With --influx (or --influx-config, or CELLBENCH_INFLUX_URL) the run also goes",
            "live to InfluxDB, through a spool in DIR/influx-spool; at the end cellbench",
            "waits (close-timeout, default 30 s) for the spool to drain.",
            "  cellbench run schedule.yaml --simulate --speed 3600 --out runs/live --serve   with a live page",
            "  cellbench run schedule.yaml --simulate --out runs/t3 --notify notify.yaml   alarms to a command/webhook",
            "", "Stop with Ctrl-C: every cell goes to open circuit and the files are closed cleanly.",
            "From another terminal: cellbench status|pause|continue|stop DIR [--cell ID].",
            "Continue a stopped or crashed run with: cellbench resume DIR"})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCHEDULE", description = "The schedule file (YAML).")
    Path scheduleFile;

    @Option(names = "--simulate", description = "Run on simulated cells and instruments.")
    boolean simulate;

    @Option(names = "--lab", paramLabel = "LAB",
            description = "The lab file (YAML) whose instruments the schedule's cells name (channel:, eis:, …).")
    Path lab;

    @Option(names = "--speed", paramLabel = "max|N", defaultValue = "max",
            description = "Simulated seconds per real second, from 0.01 to 1000000, or 'max' (default) for as fast"
                    + " as possible.")
    String speed;

    @Option(names = "--fit", paramLabel = "CIRCUIT", arity = "0..1",
            fallbackValue = io.cellbench.impedance.fit.SolidStateCircuit.CIRCUIT,
            description = {"Fit every impedance sweep as it is measured (impedance.py's notation; without a",
                "circuit: ${FALLBACK-VALUE}), into each cell's fits.arrows and drt.arrows",
                "and InfluxDB. See docs/impedance.md."})
    String fitCircuit;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The run directory to create.")
    Path out;

    @Mixin
    RunServiceOptions services;

    @Mixin
    DetachOption detach = new DetachOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (detach.requested()) {
            return detach.start(out);
        }
        if (simulate == (lab != null)) {
            throw new UserError(simulate ? "--simulate and --lab exclude each other: run on simulated instruments or on"
                    + " a lab's" : "say what to run on: --lab LAB for a lab file's instruments, or --simulate");
        }
        OutputRule.requireNewRunDirectory(out);
        RunFitOption.check(fitCircuit);
        if (lab == null) {
            double factor = parseSpeed(speed);
            ScheduleLoader.load(scheduleFile); // report mistakes before creating anything
            return start(CommandSession.simulated(factor));
        }
        if (!"max".equals(speed)) {
            throw new UserError("--speed is for --simulate: a lab's instruments run in real time");
        }
        // report mistakes in any of the files before creating anything or connecting
        LabCheck.check(ScheduleLoader.load(scheduleFile), LabLoader.load(lab));
        return start(new Bench.OnLab(lab));
    }

    /** Checks the rest, then creates and locks the run directory and runs the session (which copies the inputs in). */
    private int start(Bench bench) throws IOException, InterruptedException {
        services.notify.check();
        List<SinkSettings> sinks = services.influx.sink(System.getenv(), System.err);
        FaultRetry retry = services.retry();
        long minFree = services.minFree();
        MinFreeSpaceOption.requireFree(out, minFree, DiskSpaceWatch.FreeSpace.of(out));
        Files.createDirectories(out);
        try (var lock = RunDirectoryLock.acquire(out, "run")) {
            OutputRule.requireNewRunDirectory(out); // again, now that no other process can write it
            lock.announce();
            RunConsole.committed(out);
            RunOptions.of(retry, sinks.isEmpty() ? null : services.influx, services.serve, minFree).write(out);
            Map<String, RunEvent.Outcome> outcomes;
            try (var live = services.serve.start(out, System.out)) {
                outcomes = RunSession.run(CommandSession.options(out, scheduleFile, bench, live, 2000)
                        .faultRetry(retry).notifyFile(services.notify.file()).sinks(sinks)
                        .extras(CommandSession.extras(out, minFree).withFits(fitCircuit)).build());
            }
            return RunSummary.print(out, outcomes, System.out);
        }
    }

    /** The slowest and fastest --speed: a simulated second per 100 s of wall time, and 11½ simulated days per second. */
    static final double MIN_SPEED = 0.01;
    static final double MAX_SPEED = 1e6;

    static double parseSpeed(String text) {
        if ("max".equalsIgnoreCase(text.strip())) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (v >= MIN_SPEED && v <= MAX_SPEED) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserError("--speed takes 'max' or a number from 0.01 to 1000000 (simulated seconds per real second:"
                + " 1 is real time, 3600 an hour a second), got '" + text + "'");
    }
}
