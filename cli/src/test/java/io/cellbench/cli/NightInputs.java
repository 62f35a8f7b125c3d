package io.cellbench.cli;

import io.cellbench.core.time.LabClock;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.testing.InfluxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of the soak's night: the protocol, a schedule and a lab file for each virtual lab
 * (the soak's and the reference's, the same cells), the notify file and InfluxDB's settings.
 *
 * <p>The protocol: a rest long enough for the disk to fill and be cleared while the cells sit at
 * equilibrium, then two 1C cycles between 3.7 V and 1.9 V with short rests, about 2.9 lab hours
 * (105 s at the soak's speed). Samples are taken every 15 lab seconds (0.15 s of wall time: the
 * cut-offs are found to within 0.008 mAh) and recorded every 150 lab seconds, 1.5 s of wall time:
 * longer than the journal's interval (30 s of test time and 1 s of wall time, docs/operations.md,
 * "The journal"), so a kill loses at most the one record whose write was under way.
 */
record NightInputs(Path soakSchedule, Path soakLab, Path refSchedule, Path refLab, Path refDir, Path notifyFile,
                   Path alarms, Path influxConfig, String influxUrl) {
    static final String DATABASE = "soak";
    static final double SAMPLE_PERIOD = 15;
    static final double LOGGING_PERIOD = 150;
    /** 30 minutes of fault retry: two of the stalled Keithley's reads (3 tries of 2 s, 600 lab seconds each) fit. */
    static final double FAULT_RETRY = 1800;
    static final String MIN_FREE = "8 MB";

    static final String PROTOCOL = """
            name: hostile night
            limits:
              voltage: [1.0 V, 4.5 V]
            logging:
              period: 150 s
              sample_period: 15 s
            steps:
              - Rest for 40 minutes
              - Repeat 2 times:
                  - Charge at 1C until 3.7 V
                  - Rest for 3 minutes
                  - Discharge at 1C until 1.9 V
                  - Rest for 3 minutes
            """;

    /** A virtual lab of coin cells (seeds 1, 2, 3) in a press at 60 MPa, living on {@code clock}. */
    static VirtualLab lab(LabClock clock, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return VirtualLab.start(new VirtualLab.Options(HostileNightSoakTest.CELLS.size(), "coin", 1, 60e6, false, clock,
                workDir));
    }

    /** The lab-file name of a cell's channel: its Keithley 2450 (the virtual lab's first cycler kind). */
    static String channelOf(String cell) {
        return "keithley-2450-" + cell.substring(cell.indexOf('-') + 1);
    }

    static NightInputs write(Path tmp, VirtualLab soak, VirtualLab ref, InfluxServer influx) throws IOException {
        Path soakIn = Files.createDirectories(tmp.resolve("soak-in"));
        Path refIn = Files.createDirectories(tmp.resolve("ref-in"));
        for (Path in : List.of(soakIn, refIn)) {
            Files.writeString(in.resolve("protocol.yaml"), PROTOCOL);
            Files.writeString(in.resolve("schedule.yaml"), schedule());
        }
        soak.writeLab(soakIn.resolve("lab.yaml"));
        ref.writeLab(refIn.resolve("lab.yaml"));
        Path alarms = tmp.resolve("alarms.jsonl");
        Path script = tmp.resolve("alarm.sh");
        Files.writeString(script, "#!/bin/sh\n{ cat; echo; } >> '" + alarms + "'\n");
        Path notify = tmp.resolve("notify.yaml");
        // A silence of 10 s of wall time, not 2: a loaded machine must not make a healthy channel look silent.
        Files.writeString(notify, "command:\n  run: [/bin/sh, " + script + "]\n  timeout: 10 s\n"
                + "silent_channel:\n  periods: 5\n  at_least: 10 s\n");
        Path config = tmp.resolve("influx.properties");
        Files.writeString(config, """
                flush-interval = 100ms
                retry-initial = 50ms
                retry-max = 500ms
                close-timeout = 60s
                """);
        return new NightInputs(soakIn.resolve("schedule.yaml"), soakIn.resolve("lab.yaml"), refIn.resolve("schedule.yaml"),
                refIn.resolve("lab.yaml"), tmp.resolve("reference"), notify, alarms, config, influx.url().toString());
    }

    /** {@code cellbench run …} of the soak, into {@code dir}. */
    String[] soakRunArgs(Path dir) {
        return new String[] {"run", soakSchedule.toString(), "--lab", soakLab.toString(), "--out", dir.toString(),
            "--influx", influxUrl, "--db", DATABASE, "--influx-config", influxConfig.toString(), "--notify",
            notifyFile.toString(), "--min-free-space", MIN_FREE, "--fault-retry", (long) FAULT_RETRY + "s"};
    }

    private static String schedule() {
        StringBuilder s = new StringBuilder("name: hostile night\ncells:\n");
        for (String cell : HostileNightSoakTest.CELLS) {
            s.append("""
                      - id: %s
                        format: coin
                        chemistry: NMC811 | Li6PS5Cl | Li-In
                        nominal_capacity: 2 mAh
                        protocol: protocol.yaml
                        channel: %s
                    """.formatted(cell, "ch-" + cell.substring(cell.indexOf('-') + 1)));
        }
        return s.toString();
    }
}
