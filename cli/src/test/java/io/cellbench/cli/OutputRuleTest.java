package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for everything cellbench writes: nothing that holds recorded data is deleted
 * or overwritten, whatever the command. Before, {@code cellbench demo --out DIR} deleted a
 * run directory made by {@code cellbench run} and put the demo there, and
 * {@code virtual-lab --write-lab} overwrote any file.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OutputRuleTest {
    @TempDir
    Path tmp;

    @Test
    void demoRefusesARunDirectoryAndLeavesItAsItWas() throws Exception {
        Path run = shortRun();
        DirectorySnapshot before = DirectorySnapshot.of(run);
        Console demo = Console.run("demo", "--out", run.toString());
        assertEquals(UserErrors.BAD_INPUT, demo.exitCode(), demo.out() + demo.err());
        assertTrue(demo.err().contains("holds a run that is not an earlier demo"), demo.err());
        assertEquals(List.of(), DirectorySnapshot.of(run).changesSince(before), "nothing deleted, nothing written");
    }

    @Test
    void demoReplacesOnlyAnEarlierDemoWithNothingElseInIt() throws Exception {
        Path dir = tmp.resolve("demo");
        assertEquals(0, Console.run("demo", "--out", dir.toString()).exitCode());

        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "cell 3 looked swollen\n");
        DirectorySnapshot withNotes = DirectorySnapshot.of(dir);
        Console refused = Console.run("demo", "--out", dir.toString());
        assertEquals(UserErrors.BAD_INPUT, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("notes.txt"), "says what is not the demo's: " + refused.err());
        assertEquals(List.of(), DirectorySnapshot.of(dir).changesSince(withNotes));

        Files.delete(notes);
        Path schedule = dir.resolve("inputs/schedule.yaml");
        String original = Files.readString(schedule);
        Files.writeString(schedule, original.replace("demo", "my own"));
        Console edited = Console.run("demo", "--out", dir.toString());
        assertEquals(UserErrors.BAD_INPUT, edited.exitCode(), edited.out() + edited.err());
        assertTrue(edited.err().contains("inputs/schedule.yaml"), "an edited copy is the user's: " + edited.err());

        Files.writeString(schedule, original);
        Console again = Console.run("demo", "--out", dir.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("replacing the earlier demo in " + dir), again.out());
    }

    @Test
    void virtualLabWritesOnlyOverALabFileItWroteItself() throws Exception {
        Path mine = tmp.resolve("lab.yaml");
        String handWritten = "lab: bench 2\ninstruments:\n  smu-1: {driver: keithley-2450, host: 10.0.4.13}\n";
        Files.writeString(mine, handWritten);
        Console refused = Console.run("virtual-lab", "--write-lab", mine.toString(), "--for", "1s");
        assertEquals(UserErrors.BAD_INPUT, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("was not written by cellbench virtual-lab"), refused.err());
        assertEquals(handWritten, Files.readString(mine));

        Path generated = tmp.resolve("vl.yaml");
        assertEquals(0, Console.run("virtual-lab", "--write-lab", generated.toString(), "--for", "1s").exitCode());
        Console again = Console.run("virtual-lab", "--write-lab", generated.toString(), "--for", "1s");
        assertEquals(0, again.exitCode(), "its own lab file is replaced: " + again.err());
    }

    @Test
    void noCommandWritesIntoTheRecordedPartOfARunDirectory() throws Exception {
        Path run = shortRun();
        DirectorySnapshot before = DirectorySnapshot.of(run);
        Console lab = Console.run("virtual-lab", "--write-lab", run.resolve("run.json").toString(), "--for", "1s");
        assertEquals(UserErrors.BAD_INPUT, lab.exitCode(), lab.out() + lab.err());
        assertTrue(lab.err().contains("part of the run directory " + run), lab.err());
        Console plot = Console.run("plot", run.toString(), "--kind", "voltage", "-o",
                run.resolve("cells/coin-1/voltage.png").toString());
        assertEquals(UserErrors.BAD_INPUT, plot.exitCode(), plot.out() + plot.err());
        assertTrue(plot.err().contains("part of the run directory " + run), plot.err());
        assertEquals(List.of(), DirectorySnapshot.of(run).changesSince(before));
        // beside the recorded files is fine
        assertEquals(0, Console.run("plot", run.toString(), "--kind", "voltage", "-o",
                run.resolve("voltage.png").toString()).exitCode());
    }

    private Path shortRun() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path run = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        return run;
    }
}
