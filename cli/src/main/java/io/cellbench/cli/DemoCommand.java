package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.session.RunSession;
import io.cellbench.schedules.session.SessionStart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the bundled demo on simulated instruments in virtual time.",
            "Four NMC811 | Li6PS5Cl | Li-In cells (two coin, two pouch, at different stack pressures)",
            "through pressure set-up, rest, EIS, formation at C/20 and 20 cycles at C/3 with EIS every 5."},
        footer = {"", "Examples:",
            "  cellbench demo",
            "  cellbench demo --out /tmp/demo",
            "  cellbench demo --speed 20000 --influx http://127.0.0.1:8086 --db demo",
            "  cellbench demo --serve                  watch it live on http://127.0.0.1:8642/",
            "", "The demo's schedule and protocol are copied into DIR/inputs/ to read and adapt."})
final class DemoCommand implements Callable<Integer> {
    static final String RESOURCES = "/io/cellbench/cli/demo/";
    static final List<String> FILES = List.of("schedule.yaml", "ssb-demo.yaml");

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-run",
            description = {"Where to write the run (default: ${DEFAULT-VALUE}): a new or empty directory, or an",
                "earlier demo with nothing else in it (no other run, file or edited input), which is replaced."})
    Path out;

    @Option(names = "--speed", paramLabel = "max|N",
            description = "Simulated seconds per real second, or 'max' (default; 1800 with --serve).")
    String speed;

    @Mixin
    RunServiceOptions services;

    /**
     * When the demo starts and its run id; {@code null} (always, on the command line): now. The
     * demo is deterministic given these, which DemoOutputsTest uses to compare its files across builds.
     */
    RunStart start;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // with a live page to watch: about 6 minutes in all. At 3600 on a busy machine, late
        // samples let cells overshoot the 3.8 V limit (safety trips that --speed max never shows)
        double factor = RunCommand.parseSpeed(speed != null ? speed : services.serve.enabled() ? "1800" : "max");
        List<SinkSettings> sinks = services.influx.sink(System.getenv(), System.err);
        services.notify.check();
        FaultRetry retry = services.retry();
        long minFree = services.minFree();
        boolean replace = check(out); // read only: a refusal writes nothing
        MinFreeSpaceOption.requireFree(out, minFree, io.cellbench.schedules.alarm.DiskSpaceWatch.FreeSpace.of(out));
        Files.createDirectories(out);
        try (var lock = RunDirectoryLock.acquire(out, "demo")) {
            if (check(out) != replace) {
                throw new UserError(out + " changed while the demo started; try again");
            }
            lock.announce();
            RunConsole.committed(out);
            if (replace) {
                System.out.println("cellbench demo: replacing the earlier demo in " + out);
                DemoDirectory.clear(out);
            }
            return runIn(retry, sinks, factor, minFree);
        }
    }

    private int runIn(FaultRetry retry, List<SinkSettings> sinks, double factor, long minFree)
            throws IOException, InterruptedException {
        Path inputs = out.resolve("inputs");
        Files.createDirectories(inputs);
        RunOptions.of(retry, sinks.isEmpty() ? null : services.influx, services.serve, minFree).write(out);
        for (String f : FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + f)) {
                if (in == null) {
                    throw new IllegalStateException("demo resource missing from the build: " + f);
                }
                Files.copy(in, inputs.resolve(f));
            }
        }
        Schedule schedule = ScheduleLoader.load(inputs.resolve("schedule.yaml"));
        System.out.println("cellbench demo: " + schedule.cells().size() + " simulated cells, protocol '"
                + schedule.cells().getFirst().protocol().name() + "', writing to " + out);
        long t0 = System.nanoTime();
        Map<String, RunEvent.Outcome> outcomes;
        try (var live = services.serve.start(out, System.out)) {
            outcomes = RunSession.run(CommandSession.options(out, inputs.resolve("schedule.yaml"),
                    CommandSession.simulated(factor), live, 1000)
                    .start(start != null ? start.fresh() : SessionStart.Fresh.now())
                    .faultRetry(retry).notifyFile(services.notify.file()).sinks(sinks)
                    .extras(CommandSession.extras(out, minFree).withFits(SolidStateCircuit.CIRCUIT)).build());
        }
        int code = RunSummary.print(out, outcomes, System.out);
        System.out.printf("Demo finished in %.1f s wall time.%n", (System.nanoTime() - t0) * 1e-9);
        return code;
    }

    /**
     * True when {@code dir} holds an earlier demo (and nothing else) to replace, false when it
     * is new; refuses anything else (docs/operations.md, "What cellbench never overwrites").
     */
    private static boolean check(Path dir) throws IOException {
        if (OutputRule.isNew(dir)) {
            return false;
        }
        if (!OutputRule.isRunDirectory(dir)) {
            throw new UserError(dir + " exists, is not empty and is not a run directory; the demo writes to a new "
                    + "directory or over an earlier demo: choose another --out");
        }
        java.util.Optional<String> not = DemoDirectory.notADemo(dir);
        if (not.isPresent()) {
            throw new UserError(dir + " holds a run that is not an earlier demo (" + not.get() + "); nothing was "
                    + "deleted. Choose another --out, or move " + dir + " away yourself");
        }
        return true;
    }
}
