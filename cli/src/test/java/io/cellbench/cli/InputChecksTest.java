package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 12–14 at the command line: validate and run refuse the same files before
 * anything runs; absurd values and options are refused with a message that says what to do;
 * every problem of a file is shown; and no message is a library's words.
 */
class InputChecksTest {
    @TempDir
    static Path tmp;
    static Path run;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws Exception {
        run = ShortRun.record(tmp);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path scheduleFor(String protocol, String capacity) throws IOException {
        write("p.yaml", protocol);
        return write("s.yaml", """
                name: one cell
                cells:
                  - id: c1
                    nominal_capacity: %s
                    protocol: p.yaml
                """.formatted(capacity));
    }

    /** validate refuses it with {@code problem}, and run refuses it too, before creating its directory. */
    private void bothRefuse(Path schedule, String problem) {
        Console v = Console.run("validate", schedule.toString());
        assertEquals(2, v.exitCode(), v.out() + v.err());
        assertTrue(v.err().contains(problem), v.err());
        Path out = dir.resolve("run-" + System.nanoTime());
        Console r = Console.run("run", schedule.toString(), "--simulate", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(problem), r.err());
        assertFalse(Files.exists(out), "a refused run writes nothing");
    }

    @Test
    void aCurrentStepWithoutAVoltageWindowIsRefusedByValidateAsByRun() throws IOException {
        bothRefuse(scheduleFor("steps:\n  - Charge at 1 mA for 1 hour\n", "2 mAh"),
                "p.yaml:2:15: error: a constant-current step needs a voltage window to clamp to");
        Console alone = Console.run("validate", dir.resolve("p.yaml").toString());
        assertEquals(2, alone.exitCode(), alone.out());
        assertTrue(alone.err().contains("limits: voltage: [1.9 V, 3.8 V]"), alone.err());
    }

    @Test
    void aCRateBeyondTheCurrentWindowOfThisCellIsRefusedByValidateAsByRun() throws IOException {
        bothRefuse(scheduleFor("limits:\n  voltage: [1.9 V, 3.8 V]\n  current: [-1 mA, 1 mA]\n"
                        + "steps:\n  - Charge at 2C until 3.7 V\n", "2 mAh"),
                "p.yaml:5:5: error: cell 'c1': the current 0.004 A lies outside the safety window [-0.001, 0.001] A");
    }

    @Test
    void aSetPointBeyondTheLabsDeclaredChannelRangeIsRefused() throws IOException {
        Path lab = write("lab.yaml", """
                lab: bench
                instruments:
                  smu-1:
                    driver: keithley-2450
                    host: 127.0.0.1
                    port: 5025
                    max_current: 10 mA
                    max_voltage: 5 V
                """);
        Path schedule = scheduleFor("limits:\n  voltage: [1.9 V, 6.5 V]\nsteps:\n  - Charge at 20 mA until 3.7 V\n"
                + "  - Hold at 6 V for 1 min\n", "2 mAh");
        Files.writeString(schedule, Files.readString(schedule) + "    channel: smu-1\n");
        Console v = Console.run("validate", "--lab", lab.toString(), schedule.toString());
        assertEquals(2, v.exitCode(), v.out() + v.err());
        assertTrue(v.err().contains("p.yaml:4:5: error: cell 'c1' on 'smu-1': needs 0.02 A but channel smu-1 can source"
                + " at most 0.01 A (max_current)"), v.err());
        assertTrue(v.err().contains("p.yaml:4:5: error: cell 'c1' on 'smu-1': the channel would clamp this step at"
                + " limits.voltage 6.5 V, above its max_voltage 5.0 V"), v.err());
        assertTrue(v.err().contains("p.yaml:5:5: error: cell 'c1' on 'smu-1': holds 6.0 V, above the channel's"
                + " max_voltage 5.0 V"), v.err());
        // run --lab refuses the same, before connecting to anything (nothing listens on the lab's port)
        Path out = dir.resolve("lab-run");
        Console r = Console.run("run", schedule.toString(), "--lab", lab.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("can source at most 0.01 A (max_current)"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void absurdValuesAndOptionsAreRefusedWithWhatToDo() throws IOException {
        Console amps = Console.run("validate", write("a.yaml",
                "limits:\n  voltage: [1.9 V, 3.8 V]\nsteps:\n  - Charge at 1e308 A until 3.7 V\n").toString());
        assertEquals(2, amps.exitCode());
        assertTrue(amps.err().contains("a.yaml:4:15: error: '1e308 A' is beyond the largest current"), amps.err());
        Console rest = Console.run("validate", write("r.yaml", "steps:\n  - Rest for 1e300 hours\n").toString());
        assertEquals(2, rest.exitCode());
        assertTrue(rest.err().contains("r.yaml:2:14: error: '1e300 hours' is beyond the largest time"), rest.err());

        Console reversed = Console.run("data", "cycles", run.toString(), "--cycles", "5..2");
        assertEquals(2, reversed.exitCode(), reversed.out());
        assertTrue(reversed.err().contains("--cycles 5..2 runs backwards: write 2..5"), reversed.err());
        Console zero = Console.run("data", "cycles", run.toString(), "--cycles", "0..3");
        assertEquals(2, zero.exitCode(), zero.out());
        assertTrue(zero.err().contains("cycles are counted from 1"), zero.err());

        Console window = Console.run("data", "raw", run.toString(), "--from", "100", "--to", "50");
        assertEquals(2, window.exitCode(), window.out());
        assertTrue(window.err().contains("--to must be later than --from"), window.err());

        Console every = Console.run("plot", run.toString(), "--kind", "voltage", "--every", "0",
                "-o", dir.resolve("v.png").toString());
        assertEquals(2, every.exitCode(), every.out());
        assertTrue(every.err().contains("--every takes a whole number of 1 or more"), every.err());
        assertFalse(Files.exists(dir.resolve("v.png")));

        for (String speed : new String[]{"1e-9", "0", "-5", "1e12", "fast"}) {
            Console slow = Console.run("run", ShortRun.write(dir.resolve("in")).toString(), "--simulate",
                    "--speed", speed, "--out", dir.resolve("never").toString());
            assertEquals(2, slow.exitCode(), speed + ": " + slow.out());
            assertTrue(slow.err().contains("--speed takes 'max' or a number from 0.01 to 1000000"), slow.err());
            assertFalse(Files.exists(dir.resolve("never")));
        }
    }

    @Test
    void everyProblemOfAFileIsShownAndCounted() throws IOException {
        Path p = write("many.yaml", "stpes: 1\nsteps:\n  - Rest for 1 hr until 3 V\n  - Dischrge at 1 A\n");
        Console c = Console.run("validate", p.toString());
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains(p + ":1:1: error: unknown top-level key 'stpes'"), c.err());
        assertTrue(c.err().contains(p + ":3:"), c.err());
        assertTrue(c.err().contains(p + ":4:5: error: unknown step 'Dischrge'"), c.err());
        assertTrue(c.err().contains("3 problems in " + p), c.err());

        write("bad.yaml", "steps:\n  - Rest for 1 parsec\n");
        Path schedule = write("two.yaml", """
                cells:
                  - id: a
                    nominal_capacity: 2 mAh
                    protocol: bad.yaml
                  - id: b
                    nominal_capacity: -2 mAh
                    protocol: p.yaml
                """);
        Console s = Console.run("validate", schedule.toString());
        assertEquals(2, s.exitCode());
        assertTrue(s.err().contains("bad.yaml:2:16: error: unknown unit 'parsec'"), s.err());
        assertTrue(s.err().contains(schedule + ":6:23: error: 'nominal_capacity' must be above zero"), s.err());
        assertTrue(s.err().contains("2 problems in 2 files"), s.err());
    }

    @Test
    void confusingMessagesSayWhatIsWrongAndWhatToDo() throws IOException {
        Console typo = Console.run("rnu");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean: cellbench run?"), typo.err());
        assertFalse(typo.err().contains("continue"), typo.err());

        Console missing = Console.run("validate", "nope.yaml");
        assertTrue(missing.err().startsWith("nope.yaml: error: no such file"), missing.err());
        Console runMissing = Console.run("run", "nope.yaml", "--simulate", "--out", dir.resolve("x").toString());
        assertTrue(runMissing.err().startsWith("nope.yaml: error: no such file"), runMissing.err());
        assertFalse(runMissing.err().contains("error: nope.yaml: error"), runMissing.err());

        Files.write(dir.resolve("garbage.yaml"), new byte[]{(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
        Console garbage = Console.run("validate", dir.resolve("garbage.yaml").toString());
        assertEquals(2, garbage.exitCode());
        assertTrue(garbage.err().contains("not a text file"), garbage.err());
        assertFalse(garbage.err().contains("Input length"), garbage.err());

        Console bin = Console.run("plot", run.toString(), "--kind", "dqdv", "--bin", "0", "-o",
                dir.resolve("d.png").toString());
        assertEquals(2, bin.exitCode());
        assertTrue(bin.err().contains("--bin takes a voltage such as 5mV"), bin.err());
        assertFalse(bin.err().contains("current:") || bin.err().contains("mAh"), bin.err());

        // a folder where a file is expected, and a file where a folder must be made: the reason, not only a path
        Console folder = Console.run("validate", dir.toString());
        assertTrue(folder.err().contains("is a folder, not a file"), folder.err());
        Path file = write("plain.txt", "x");
        Console notDir = Console.run("run", ShortRun.write(dir.resolve("in2")).toString(), "--simulate",
                "--out", file.resolve("run").toString());
        assertEquals(2, notDir.exitCode(), notDir.out());
        assertTrue(notDir.err().contains("not a directory"), notDir.err());
    }

    @Test
    void aFileErrorSaysWhatHappenedNotOnlyThePath() {
        // Java's AccessDeniedException says only "/data/run"; as root no test can provoke one for real
        String denied = UserErrors.describe(new java.nio.file.AccessDeniedException("/data/run"));
        assertTrue(denied.startsWith("/data/run: permission denied\n  hint: check the permissions"), denied);
        String full = UserErrors.describe(new java.nio.file.FileSystemException("/data/run", null,
                "No space left on device"));
        assertEquals("/data/run: no space left on device", full);
    }

    @Test
    void aTornJournalFileIsNamedWithItsPositionNotTheParsersWords() throws IOException {
        Path copy = dir.resolve("run-copy");
        copyTree(run, copy);
        Path journal = copy.resolve("journal").resolve("coin-1.json");
        Files.writeString(journal, "{\"cellId\": \"coin-1\", \"step");
        Console c = Console.run("resume", copy.toString());
        assertTrue(c.exitCode() != 0, c.out());
        String all = c.out() + c.err();
        assertFalse(all.contains("REDACTED") || all.contains("StreamReadFeature") || all.contains("Source:"), all);
        assertTrue(all.contains(journal + ":1:"), all);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".sock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
