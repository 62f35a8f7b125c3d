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
        // Many files, so that the import is still reading when the first one is done (each file
        // takes a good fraction of a second even on an idle machine): the signal comes then.
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path one = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        for (int i = 0; i < 40; i++) {
            Files.copy(one, in.resolve(String.format("cell%02d.ndax", i)));
        }
        Path outs = Files.createDirectories(tmp.resolve("runs"));
        Child child = Child.start(tmp.resolve("logs"), "import", in.toString(), "--out", outs.resolve("archive").toString());
        Child.waitFor(child, () -> child.output().contains("-> cell cell00"), "the first file imported", 300);
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start().waitFor();
        int code = child.exit(120);
        assertNotEquals(0, code, child.output());
        assertEquals(List.of(), ImportCommandTest.siblings(outs), "nothing is left after Ctrl-C: " + child.output());
    }
}
