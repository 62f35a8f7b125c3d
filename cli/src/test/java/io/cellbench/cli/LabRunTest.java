package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.testing.Await;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellbench run --lab} end to end: the virtual lab's keithley-2450 simulators on real
 * sockets, the lab file it writes, the real drivers, the run directory. In real time, so the
 * protocol is a few seconds long.
 */
@Timeout(300) // a hang guard
class LabRunTest {
    @TempDir
    Path dir;

    static final String QUICK = """
            name: quick check
            limits:
              voltage: [1.5 V, 4.2 V]
            logging:
              period: 1 s
              sample_period: 0.2 s
            steps:
              - Rest for 1 s
              - Charge at C/2 for 2 s
              - Rest for 1 s
            """;

    @Test
    void aScheduleRunsOnTheVirtualLabThroughTheDriversAndResumeFindsItDone() throws Exception {
        Files.writeString(dir.resolve("quick.yaml"), QUICK);
        Path out = dir.resolve("runs").resolve("vl");
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(2, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "quick.yaml");

            Console check = Console.run("validate", "--lab", dir.resolve("lab.yaml").toString(),
                    dir.resolve("schedule.yaml").toString());
            assertEquals(0, check.exitCode(), check.err());
            assertTrue(check.out().contains("cell-2: protocol 'quick check'"), check.out());
            assertTrue(check.out().contains("lab 'virtual lab': channel ch-2 = keithley-2450-2 (keithley-2450)"),
                    check.out());

            Console run = Console.run("run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), () -> run.out() + run.err() + events(out));
            assertTrue(run.out().contains("lab 'virtual lab'"), run.out());
        }
        assertTrue(Files.isRegularFile(out.resolve("inputs/lab/lab.yaml")), "the lab file is kept with the run");
        assertTrue(Files.isRegularFile(out.resolve("inputs/schedule.yaml")));
        RunMode mode = JournalFiles.readRunMode(out).orElseThrow();
        assertEquals("inputs/lab/lab.yaml", mode.lab());
        assertTrue(!mode.simulate());
        try (RunReader data = RunReader.open(out)) {
            for (String cell : List.of("cell-1", "cell-2")) {
                assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), data.manifest().cell(cell).orElseThrow().outcome());
                List<Sample> samples = new ArrayList<>();
                data.samples(cell, samples::add);
                assertTrue(samples.size() >= 3, cell + ": " + samples.size() + " samples");
                double charged = samples.stream().mapToDouble(Sample::chargingCapacityAh).max().orElse(0);
                // C/2 = 1 mA for 2 s ≈ 0.56 µAh, through the real driver
                assertEquals(1e-3 * 2 / 3600, charged, 0.3e-3 * 2 / 3600, cell + " charged over the wire");
                assertTrue(samples.stream().allMatch(s -> s.voltageVolt() > 2.0 && s.voltageVolt() < 3.9), cell);
            }
            assertTrue(data.manifest().toString().contains("keithley-2450") || Files.readString(out.resolve("run.json"))
                    .contains("keithley-2450"), "run.json says which instruments served the cells");
        }
        // the simulators are gone, but every cell has finished: resume reads the kept lab file and stops
        Console resume = Console.run("resume", out.toString());
        assertEquals(0, resume.exitCode(), resume.out() + resume.err());
        assertTrue(resume.out().contains("every cell of " + out + " has finished"), resume.out());
    }

    @Test
    void simulatorsThatGoAwayMidStepFaultTheirCellsNamingTheInstrumentAndTheRunEnds() throws Exception {
        Files.writeString(dir.resolve("long.yaml"), """
                name: a long rest
                logging:
                  period: 1 s
                  sample_period: 0.2 s
                steps:
                  - Rest for 1 hour
                """);
        Path out = dir.resolve("runs").resolve("pulled");
        Console[] run = new Console[1];
        Thread runner;
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "long.yaml");
            runner = Thread.ofPlatform().start(() -> run[0] = Console.run("run", dir.resolve("schedule.yaml").toString(),
                    "--lab", dir.resolve("lab.yaml").toString(), "--out", out.toString(),
                    "--fault-retry", "2s")); // retried for 2 s, not the default minute, then given up
            // mid-step: every cell has started its step (the run then sets each channel to rest and
            // reads it), whenever that comes on a loaded machine
            int cells = lab.cells().size();
            Await.until(() -> "every cell started its step: " + events(out),
                    () -> events(out).lines().filter(l -> l.contains("\"StepStarted\"")).count() == cells);
        } // the simulator is switched off mid-step
        // Each cell faults; with its instrument gone its output cannot be confirmed off (a
        // rest is no proof: a Keithley's zero-current rest keeps the output on), so the run
        // keeps trying to switch it off, with an ALARM, until the operator takes over with
        // 'cellbench stop' (docs/operations.md, "After a fault: the output is switched off").
        Await.until(() -> "every cell ended: " + events(out), () -> events(out).lines()
                .filter(l -> l.contains("\"RunEnded\"")).count() == events(out).lines()
                .filter(l -> l.contains("\"RunStarted\"")).count());
        Await.until(() -> "an ALARM that the output is not confirmed off: " + events(out),
                () -> events(out).contains("output not confirmed off"));
        assertTrue(runner.isAlive(), "the run waits for the switch-off instead of ending");
        assertEquals(0, Console.run("stop", out.toString()).exitCode());
        runner.join(60_000);
        assertTrue(!runner.isAlive(), "the run ended once the operator stopped it");
        // each cell faults, naming its instrument and the command that failed (the cells end in
        // whatever order the load gives)
        List<String> ended = events(out).lines().filter(l -> l.contains("\"RunEnded\"")).toList();
        assertEquals(events(out).lines().filter(l -> l.contains("\"RunStarted\"")).count(), ended.size(), events(out));
        for (String end : ended) {
            assertTrue(end.contains("\"outcome\":\"FAULT\""), end);
            assertTrue(end.matches(".*\"message\":\"[a-z0-9-]+(/\\d+)?: '[^']+': .*"),
                    "names the instrument and the command: " + end);
        }
        String keithley = ended.stream().filter(l -> l.contains("\"cell_id\":\"cell-1\"")).findFirst().orElse("");
        assertTrue(keithley.matches(".*keithley-2450-1: '[^']+': .*"), "names the instrument and the command: " + keithley);
        assertTrue(run[0].exitCode() != 0, run[0].out());
    }

    private static String events(Path out) {
        try {
            return Files.readString(out.resolve("events.jsonl"));
        } catch (java.io.IOException e) {
            return "(no events.jsonl: " + e + ")";
        }
    }

    @Test
    void runNeedsOneOfLabAndSimulate() throws Exception {
        Files.writeString(dir.resolve("quick.yaml"), QUICK);
        Files.writeString(dir.resolve("schedule.yaml"), """
                cells:
                  - {id: c1, nominal_capacity: 2 mAh, protocol: quick.yaml, channel: smu-2}
                """);
        Files.writeString(dir.resolve("lab.yaml"), """
                instruments:
                  smu-1: {driver: keithley-2450, host: 127.0.0.1}
                """);
        Console neither = Console.run("run", dir.resolve("schedule.yaml").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("--lab LAB"), neither.err());
        Console both = Console.run("run", dir.resolve("schedule.yaml").toString(), "--simulate", "--lab",
                dir.resolve("lab.yaml").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, both.exitCode());
        Console wrong = Console.run("run", dir.resolve("schedule.yaml").toString(), "--lab",
                dir.resolve("lab.yaml").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().startsWith(dir.resolve("schedule.yaml") + ":2:70: error: cell 'c1': no channel 'smu-2'"),
                wrong.err());
        assertTrue(!Files.exists(dir.resolve("o")), "nothing created before the files are right");
    }
}
