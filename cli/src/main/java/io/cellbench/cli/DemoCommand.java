package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
            description = "Where to write the run (default: ${DEFAULT-VALUE}); a previous demo there is replaced.")
    Path out;

    @Option(names = "--speed", paramLabel = "max|N",
            description = "Simulated seconds per real second, or 'max' (default; 1800 with --serve).")
    String speed;

    @Mixin
    InfluxOptions influx;

    @picocli.CommandLine.Mixin
    io.cellbench.cli.control.NotifyOptions notify = new io.cellbench.cli.control.NotifyOptions();

    @picocli.CommandLine.Mixin
    io.cellbench.cli.serve.ServeOptions serve = new io.cellbench.cli.serve.ServeOptions();

    @Mixin
    FaultRetryOption faultRetry = new FaultRetryOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        // with a live page to watch: about 6 minutes in all. At 3600 on a busy machine, late
        // samples let cells overshoot the 3.8 V limit (safety trips that --speed max never shows)
        double factor = RunCommand.parseSpeed(speed != null ? speed : serve.enabled() ? "1800" : "max");
        InfluxConfig liveInflux = RunCommand.influxConfig(influx);
        notify.check();
        FaultRetry retry = faultRetry.orElse(FaultRetry.DEFAULT);
        prepare(out);
        Path inputs = out.resolve("inputs");
        Files.createDirectories(inputs);
        RunOptions.of(retry, liveInflux == null ? null : influx, serve).write(out);
        for (String f : FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + f)) {
                if (in == null) {
                    throw new IllegalStateException("demo resource missing from the build: " + f);
                }
                Files.copy(in, inputs.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Schedule schedule = ScheduleLoader.load(inputs.resolve("schedule.yaml"));
        System.out.println("cellbench demo: " + schedule.cells().size() + " simulated cells, protocol '"
                + schedule.cells().getFirst().protocol().name() + "', writing to " + out);
        long t0 = System.nanoTime();
        var alarms = notify.install(out);
        Map<String, RunEvent.Outcome> outcomes;
        try (var live = serve.start(out, System.out)) {
            outcomes = ScheduleSession.runSimulated(schedule, out, factor, 1000, System.out, liveInflux,
                    runner -> live.attach(runner.faultRetry(retry)), alarms);
        }
        int code = RunSummary.print(out, outcomes, System.out);
        System.out.printf("Demo finished in %.1f s wall time.%n", (System.nanoTime() - t0) * 1e-9);
        return code;
    }

    /** Replaces an earlier demo; refuses to touch a folder that is not one. */
    private static void prepare(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        io.cellbench.cli.control.RunControls.refuseIfRunning(out); // a demo still running there
        boolean earlierDemo = Files.isRegularFile(out.resolve("inputs/schedule.yaml"))
                || Files.isRegularFile(out.resolve("run.json"));
        boolean empty;
        try (Stream<Path> s = Files.list(out)) {
            empty = s.findAny().isEmpty();
        }
        if (!earlierDemo && !empty) {
            throw new UserError(out + " exists and is not an earlier demo run; choose another --out");
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
