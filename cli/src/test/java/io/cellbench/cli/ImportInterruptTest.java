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
        // Three files, then one the import is busy with for a long time once the first ones are in:
        // an .nda of 32 GiB that is all hole but its "NEWARE" (sparse: it takes no disk), whose
        // checksum alone is tens of seconds of reading zeros, and the signal comes then. (A named
        // pipe, tried before, is no file to import: the directory's listing passed it over, the
        // import ended, and the signal often came too late.)
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path one = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        for (int i = 0; i < 3; i++) {
            Files.copy(one, in.resolve(String.format("cell%02d.ndax", i)));
        }
        try (var big = new java.io.RandomAccessFile(in.resolve("cell03.nda").toFile(), "rw")) {
            big.write("NEWARE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            big.setLength(32L << 30);
        }
        Path outs = Files.createDirectories(tmp.resolve("runs"));
        Child child = Child.start(tmp.resolve("logs"), "import", in.toString(), "--out", outs.resolve("archive").toString());
        Child.waitFor(child, () -> child.output().contains("-> cell cell02"), "the files before the pipe imported", 300);
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start().waitFor();
        int code = child.exit(120);
        assertNotEquals(0, code, child.output());
        assertEquals(List.of(), ImportCommandTest.siblings(outs), "nothing is left after Ctrl-C: " + child.output());
    }
}
