package io.cellbench.cli.lab;

import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.lab.VirtualInstrument;
import io.cellbench.fixtures.lab.VirtualLab;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "virtual-lab", mixinStandardHelpOptions = true,
        description = {"Start simulators of every instrument kind cellbench drives.",
            "A Keithley 2450 per cell, a Maccor, a PalmSens with a multiplexer, a Modbus press per",
            "cell, a Modbus chamber and a Neware BTS. Each speaks its real protocol on 127.0.0.1 or a",
            "socat pseudo-terminal around simulated cells in real time (or --speed N times as fast).",
            "Writes a lab file that points at them and runs until Ctrl-C (or --for). Then, from another",
            "terminal, 'cellbench run SCHEDULE --lab FILE' drives them through the real drivers.",
            "See docs/operations.md, \"The virtual lab\"."},
        footer = {"", "Examples:",
            "  cellbench virtual-lab --write-lab lab.yaml",
            "  cellbench virtual-lab --write-lab lab.yaml --cells 4 --schedule-out vl.yaml \\",
            "      --protocol examples/protocols/formation.yaml",
            "  cellbench run vl.yaml --lab lab.yaml --out runs/vl       (in a second terminal)",
            "  cellbench probe --lab lab.yaml ch-3",
            "  cellbench virtual-lab --write-lab lab.yaml --serial --for 2h",
            "  cellbench virtual-lab --write-lab lab.yaml --speed 60   an hour of the cells' life per minute"})
public final class VirtualLabCommand implements Callable<Integer> {

    @Option(names = "--write-lab", paramLabel = "FILE", required = true,
            description = "Where to write the lab file (a lab file an earlier virtual-lab wrote is replaced; any other file is refused).")
    Path labFile;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "2",
            description = "Simulated cells per cycler kind (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--preset", paramLabel = "coin|pouch", defaultValue = "coin",
            description = "The simulated cell (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The first cell's seed; the others follow (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--serial", description = "Serve instruments that can on socat pseudo-terminals instead of TCP.")
    boolean serial;

    @Option(names = "--schedule-out", paramLabel = "FILE",
            description = "Also write a schedule that runs --protocol on every cell, wired to the lab's names (replaces only one virtual-lab wrote).")
    Path scheduleOut;

    @Option(names = "--protocol", paramLabel = "FILE", description = "The protocol of the --schedule-out schedule.")
    Path protocol;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1",
            description = "Lab seconds per real second (default: ${DEFAULT-VALUE}, real time; at most 1000000). The lab"
                    + " file says so (virtual_time), and a run on it lives in the same time.")
    double speed;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Stop after this long (e.g. 90s, 30m, 2h) instead of waiting for Ctrl-C.")
    String duration;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (scheduleOut != null && protocol == null) {
            throw new io.cellbench.core.UserError("--schedule-out needs --protocol: the protocol every cell runs");
        }
        if (protocol != null && !Files.isRegularFile(protocol)) {
            throw new io.cellbench.core.UserError("no such protocol file: " + protocol);
        }
        Duration stopAfter = duration == null ? null : parseDuration(duration);
        if (!(speed >= 0.01 && speed <= 1_000_000)) {
            throw new io.cellbench.core.UserError("--speed takes a number from 0.01 to 1000000 (lab seconds per real"
                    + " second), got " + speed);
        }
        LabClock clock = speed == 1 ? new SystemLabClock() : new ScaledClock(System.currentTimeMillis() / 1000.0, speed);
        io.cellbench.cli.OutputRule.requireOutputFile(labFile, VirtualLabCommand::generated,
                "was not written by cellbench virtual-lab (it replaces only the lab and schedule files it wrote itself); remove it yourself or choose another file");
        if (scheduleOut != null) {
            io.cellbench.cli.OutputRule.requireOutputFile(scheduleOut, VirtualLabCommand::generated,
                    "was not written by cellbench virtual-lab (it replaces only the lab and schedule files it wrote itself); remove it yourself or choose another file");
        }
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("cellbench-virtual-lab");
        VirtualLab lab;
        try {
            lab = VirtualLab.start(new VirtualLab.Options(cells, preset, seed, 10e6, serial, clock, work));
        } catch (IllegalArgumentException e) {
            throw new io.cellbench.core.UserError(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onExit = new Thread(() -> {
            out.println("cellbench virtual-lab: stopping the simulators");
            lab.close();
            stopped.countDown();
        }, "virtual-lab-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            Path parent = labFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            lab.writeLab(labFile);
            out.println("cellbench virtual-lab: " + lab.instruments().size() + " simulators around " + lab.cells().size()
                    + " simulated " + preset + " cells, " + (speed == 1 ? "in real time:"
                    : "in scaled time (" + speed + " lab seconds per second):"));
            for (VirtualInstrument i : lab.instruments()) {
                out.println("  " + i.name() + "  " + where(i.labEntry()));
            }
            for (VirtualLab.Cell c : lab.cells()) {
                out.println("  " + c.id() + " (seed " + c.seed() + "): channel " + c.channel() + " = " + c.channelTarget()
                        + wiring(c));
            }
            for (VirtualLab.Cell c : lab.programCells()) {
                out.println("  " + c.id() + " (seed " + c.seed() + "): channel " + c.channel() + " = " + c.channelTarget()
                        + wiring(c) + " (runs compiled programs: name it in a schedule to run a cell by delegation)");
            }
            out.println("lab file: " + labFile);
            if (scheduleOut != null) {
                Path dir = scheduleOut.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                String ref = dir.relativize(protocol.toAbsolutePath()).toString().replace('\\', '/');
                lab.writeSchedule(scheduleOut, ref);
                out.println("schedule: " + scheduleOut + " (every cell runs " + ref + ")");
                out.println("run it:   cellbench run " + scheduleOut + " --lab " + labFile + " --out runs/virtual-lab");
            }
            out.println(stopAfter == null ? "Stop with Ctrl-C." : "Stopping in " + duration + " (or Ctrl-C).");
            out.flush();
            if (stopAfter == null) {
                stopped.await();
            } else {
                stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
                lab.close();
                out.println("cellbench virtual-lab: simulators stopped");
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook closes the simulators
            }
        }
        return 0;
    }

    /** A file an earlier virtual-lab wrote (its first line says so): the only kind it replaces. */
    private static boolean generated(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("").startsWith("# Generated by 'cellbench virtual-lab'");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static String where(Map<String, Object> entry) {
        Object driver = entry.get("driver");
        if (entry.containsKey("serial_port")) {
            return driver + " on serial " + entry.get("serial_port");
        }
        return driver + " on " + entry.getOrDefault("transport", "tcp") + " " + entry.get("host") + ":" + entry.get("port");
    }

    static Duration parseDuration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)").matcher(text.strip());
        if (!m.matches()) {
            throw new io.cellbench.core.UserError("--for takes a duration such as 90s, 30m or 2h, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** The analyzer, fixture and chamber the virtual lab gave a cell, as a schedule names them. */
    private static String wiring(VirtualLab.Cell c) {
        return (c.eis() == null ? "" : ", eis " + c.eis() + " mux " + c.muxChannel())
                + (c.fixture() == null ? "" : ", fixture " + c.fixture())
                + (c.chamber() == null ? "" : ", chamber " + c.chamber());
    }
}
