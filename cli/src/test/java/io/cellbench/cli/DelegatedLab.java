package io.cellbench.cli;

import io.cellbench.core.time.PacedClock;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.lab.VirtualInstrument;
import io.cellbench.fixtures.wire.neware.BtsSimulator;
import io.cellbench.fixtures.wire.palmsens.PalmSensVirtualKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A lab of one simulated coin cell on a Neware BTS simulator (its XML API over TCP on
 * 127.0.0.1, port 0, its channel in paced time, a 1 s control tick; cellbench in the scaled
 * time of the lab file), optionally also on a PalmSens
 * analyzer's multiplexer (socat pseudo-terminal), with the lab file and a schedule that runs
 * the cell on the Neware channel; the schedule's simulation names the same cell, so
 * {@code --simulate} runs it directly for comparison.
 */
final class DelegatedLab implements AutoCloseable {
    static final String CELL = "nw-cell";
    static final long SEED = 7;
    final double speed;
    final ScaledClock clock;
    final SimulatedCell cell;
    final BtsSimulator bts;
    final VirtualInstrument eis;
    private final Path dir;

    private DelegatedLab(Path dir, double speed, boolean withEis) throws IOException {
        this.dir = dir;
        this.speed = speed;
        this.clock = new ScaledClock(System.currentTimeMillis() / 1000.0, speed);
        this.cell = new SimulatedCell(CellParameters.coin().withVariation(SEED));
        cell.setPressurePa(10e6);
        Path share = Files.createDirectories(dir.resolve("bts-steps"));
        // The BTS's channel lives in paced time: on a loaded machine it runs slower than the wall
        // instead of skipping ahead, which would overshoot its cut-offs (a real cycler does not).
        this.bts = new BtsSimulator("bts", List.of(cell), List.of(new PacedClock(clock.nowUnixSeconds(), speed)),
                BtsSimulator.Options.of(share).withTick(1));
        VirtualInstrument analyzer = null;
        try {
            bts.startTcp();
            if (withEis) {
                analyzer = new PalmSensVirtualKind().start("eis-1", List.of(cell), clock, false, dir);
            }
        } catch (IOException | RuntimeException e) {
            bts.close();
            throw e;
        }
        this.eis = analyzer;
    }

    static DelegatedLab start(Path dir, double speed, boolean withEis) throws IOException {
        return new DelegatedLab(dir, speed, withEis);
    }

    /** Writes lab.yaml (the BTS, the analyzer, channel nw-1 = bts/27-21-1-1) into the directory. */
    Path writeLab() throws IOException {
        long wall = System.currentTimeMillis();
        StringBuilder y = new StringBuilder("lab: delegated\nvirtual_time:\n")
                .append("  speed: ").append(speed).append('\n')
                .append("  since: ").append(Instant.ofEpochMilli(wall)).append('\n')
                .append("  lab_time: ").append(Instant.ofEpochMilli(Math.round(clock.labTimeAt(wall / 1000.0) * 1000)))
                .append("\ninstruments:\n  bts:\n");
        bts.labEntry().forEach((k, v) -> y.append("    ").append(k).append(": ").append(quoted(v)).append('\n'));
        if (eis != null) {
            y.append("  eis-1:\n");
            eis.labEntry().forEach((k, v) -> y.append("    ").append(k).append(": ").append(quoted(v)).append('\n'));
        }
        y.append("channels:\n  nw-1: bts/").append(bts.addresses().getFirst()).append('\n');
        return Files.writeString(dir.resolve("lab.yaml"), y.toString());
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v);
    }

    /**
     * A protocol for the lab's coin cell: its voltage window (1.8 to 3.8 V, the compiled file's
     * protection), ±5 mA, one record every {@code period} and a 1 s sample period, then {@code steps}.
     */
    static String protocol(String name, String period, String steps) {
        return "name: " + name + "\n"
                + "limits:\n  voltage: [1.8 V, 3.8 V]\n  current: [-5 mA, 5 mA]\n"
                + "logging:\n  period: " + period + "\n  sample_period: 1 s\n"
                + "steps:\n" + steps.stripIndent();
    }

    /** Writes protocol.yaml and schedule.yaml (one cell on nw-1, with the analyzer when there is one). */
    Path writeSchedule(String protocol) throws IOException {
        Files.writeString(dir.resolve("protocol.yaml"), protocol);
        CellParameters p = cell.parameters();
        String schedule = String.format(Locale.ROOT, """
                name: delegated
                cells:
                  - id: %s
                    format: %s
                    chemistry: %s
                    nominal_capacity: %s mAh
                    protocol: protocol.yaml
                    channel: nw-1
                %s    simulation: {preset: coin, seed: %d, pressure: 10 MPa}
                """, CELL, p.format(), p.chemistry(), p.nominalCapacityAh() * 1e3,
                eis == null ? "" : "    eis: eis-1\n    mux_channel: 1\n", SEED);
        return Files.writeString(dir.resolve("schedule.yaml"), schedule);
    }

    /**
     * Writes the lab file and a schedule of {@code protocol}, and starts {@code cellbench run}
     * of it into {@code out} as a child process (its log in cellbench-run.log beside).
     */
    Process startRun(Path out, String protocol) throws IOException {
        Path labFile = writeLab();
        Path schedule = writeSchedule(protocol);
        return ChildProcess.cellbench(dir.resolve("cellbench-run.log"), "run", schedule.toString(), "--lab",
                labFile.toString(), "--out", out.toString());
    }

    /** Waits until the cell has been charged {@code ah} (the run must still be going). */
    void awaitCharged(Process run, double ah) throws InterruptedException {
        io.cellbench.testing.Await.until(java.time.Duration.ofSeconds(300), () -> String.format(Locale.ROOT,
                "%.1f mAh charged: %.3f mAh", ah * 1e3, cell.throughputAh() * 1e3), () -> {
                    if (!run.isAlive()) {
                        throw new AssertionError("the run ended before the charge: " + ChildProcess.tail(run));
                    }
                    return cell.throughputAh() >= ah;
                });
    }

    @Override
    public void close() {
        try {
            if (eis != null) {
                eis.close();
            }
        } finally {
            bts.close();
        }
    }
}
