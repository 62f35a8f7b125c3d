package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of an import leaves nothing: neither --out nor the hidden directory it was being written in. */
class ImportInterruptTest {
    @TempDir
    Path tmp;

    @Test
    void anInterruptedImportLeavesNothing() throws Exception {
        // Three files, then one that is a named pipe nobody writes: the import blocks opening it,
        // after it imported the first ones, whatever the machine's speed, and the signal comes then.
        // The files are named one by one: a directory's listing holds regular files only, so a pipe
        // in it would be passed over and the import could finish before the signal.
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path one = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        for (int i = 0; i < 3; i++) {
            Files.copy(one, in.resolve(String.format("cell%02d.ndax", i)));
        }
        assertEquals(0, new ProcessBuilder("mkfifo", in.resolve("cell03.ndax").toString()).inheritIO().start().waitFor());
        Path outs = Files.createDirectories(tmp.resolve("runs"));
        // SIGINT as a terminal gives it: a suite started in the background (`./run-tests &`) passes its
        // children SIGINT ignored, and a JVM that starts with it ignored never hears Ctrl-C
        Child child = Child.start(tmp.resolve("logs"), List.of("env", "--default-signal=INT"), "import",
                in.resolve("cell00.ndax").toString(), in.resolve("cell01.ndax").toString(),
                in.resolve("cell02.ndax").toString(), in.resolve("cell03.ndax").toString(),
                "--out", outs.resolve("archive").toString());
        Child.waitFor(child, () -> child.output().contains("-> cell cell02"), "the files before the pipe imported", 300);
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start().waitFor();
        int code = child.exit(120);
        assertNotEquals(0, code, child.output());
        assertEquals(List.of(), ImportCommandTest.siblings(outs), "nothing is left after Ctrl-C: " + child.output());
    }
}
