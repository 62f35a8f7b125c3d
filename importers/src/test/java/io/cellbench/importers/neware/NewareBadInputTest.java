package io.cellbench.importers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.ZipEdit;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, empty and mislabelled Neware files: a clear error naming the file (and member and offset), never a crash. */
class NewareBadInputTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownCurrentRangeNamesTheValueAndTheOffset() throws Exception {
        // ndc 2 records carry the channel's current range at byte 82 of each 94-byte row (rows from byte 5)
        Path file = ZipEdit.copy(ReferenceData.require("neware/fastnda/scrubbed_ndc2.ndax"), tmp.resolve("range.ndax"),
                "data.ndc", bytes -> {
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(512 + 5 + 82, 12345);
                    return bytes;
                });
        ImportException e = assertThrows(ImportException.class, () -> new NdaxReader().read(file, new CollectingSink()));
        assertEquals(file + ": data.ndc offset 599 (0x257): unknown current range 12345 (record 1): its current"
                + " multiplier is not known, so no current can be read", e.getMessage());
    }

    @Test
    void anUnknownStepTypeNamesTheCodeAndTheOffset() throws Exception {
        // data_step.ndc of ndc 14: rows of 37 bytes from byte 132 of each 4096-byte page, the type at byte 24
        Path file = ZipEdit.copy(ReferenceData.require("neware/fastnda/21_10_7_85.ndax"), tmp.resolve("status.ndax"),
                "data_step.ndc", bytes -> {
                    bytes[4096 + 132 + 24] = 99;
                    return bytes;
                });
        ImportException e = assertThrows(ImportException.class, () -> new NdaxReader().read(file, new CollectingSink()));
        assertTrue(e.getMessage().startsWith(file + ": data_step.ndc offset 4228 (0x1084): unknown step type (status)"
                + " code 99"), e.getMessage());
    }

    @Test
    void aCorruptPageIsAnErrorAtItsOffset() throws Exception {
        Path file = ZipEdit.copy(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"),
                tmp.resolve("corrupt.ndax"), "data_runInfo.ndc", bytes -> {
                    bytes[40 * 4096] = 0x55;
                    return bytes;
                });
        ImportException e = assertThrows(ImportException.class, () -> new NdaxReader().read(file, new CollectingSink()));
        assertEquals(file + ": data_runInfo.ndc offset 163840 (0x28000): page type 85 where 19 was expected: the member"
                + " is corrupt", e.getMessage());
    }

    @Test
    void aTruncatedMemberIsAnError() throws Exception {
        Path file = ZipEdit.copy(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"),
                tmp.resolve("short.ndax"), "data.ndc", bytes -> Arrays.copyOf(bytes, 10 * 4096 + 100));
        ImportException e = assertThrows(ImportException.class, () -> new NdaxReader().read(file, new CollectingSink()));
        assertTrue(e.getMessage().startsWith(file + ": data.ndc offset 41060"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aTruncatedArchiveIsAnError() throws Exception {
        byte[] whole = Files.readAllBytes(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"));
        Path file = Files.write(tmp.resolve("cut.ndax"), Arrays.copyOf(whole, whole.length / 2));
        ImportException e = assertThrows(ImportException.class, () -> new NdaxReader().read(file, new CollectingSink()));
        assertTrue(e.getMessage().startsWith(file + ": cannot be opened as a ZIP archive"), e.getMessage());
    }

    @Test
    void anEmptyTestGivesNoRowsAndSaysSo() throws Exception {
        CollectingSink sink = new CollectingSink();
        new NdaxReader().read(ReferenceData.require("neware/fastnda/empty.ndax"), sink);
        assertEquals(0, sink.samples.size());
        assertEquals(1, sink.begins);
        assertEquals(1, sink.ends);
        assertTrue(sink.notes.stream().anyMatch(n -> n.kind().equals("empty-test")), sink.notes.toString());
        assertTrue(sink.metadata.program().contains("Step File"), "the program is kept even for an empty test");
    }

    @Test
    void anImportRefusesAnEmptyTestByName() throws Exception {
        // the reader reads it (fastnda's and BTSDA's zero rows); the import, which would write nothing, refuses it
        Path file = ReferenceData.require("neware/fastnda/empty.ndax");
        ImportException e = assertThrows(ImportException.class, () -> Repairs.read(new NdaxReader(), file,
                new CollectingSink()));
        assertEquals(file + ": an empty test (data.ndc holds no records): there is nothing to import", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aDamagedTestInfoStillGivesTheRecords() throws Exception {
        CollectingSink sink = new CollectingSink();
        new NdaxReader().read(ReferenceData.require("neware/fastnda/Unit27_Example_Corrupt.ndax"), sink);
        assertEquals(301, sink.samples.size());
        ImportNote note = sink.notes.stream().filter(n -> n.kind().equals("aux-channels-unmatched")).findFirst()
                .orElseThrow(() -> new AssertionError(sink.notes.toString()));
        assertEquals(ImportNote.Kind.WARNING, note.severity());
        assertTrue(sink.metadata.auxColumns().isEmpty());
    }

    @Test
    void aBrokenXmlMemberIsOneWarningByFileLineAndColumnAndNothingOnStandardError() throws Exception {
        // the JDK's XML parser prints "[Fatal Error] :3:9: ..." on System.err unless given an error handler
        Path file = ZipEdit.copy(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"),
                tmp.resolve("broken-xml.ndax"), "TestInfo.xml", bytes -> "<?xml version=\"1.0\"?>\n<config>\n  <TestInfo <<\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CollectingSink sink = new CollectingSink();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            new NdaxReader().read(file, sink);
        } finally {
            System.setErr(before);
        }
        assertEquals("", err.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing but cellbench's own message");
        assertTrue(sink.samples.size() > 0, "the records are read");
        ImportNote note = sink.notes.stream().filter(n -> n.message().contains("TestInfo.xml")).findFirst()
                .orElseThrow(() -> new AssertionError(sink.notes.toString()));
        assertEquals(ImportNote.Kind.WARNING, note.severity());
        assertTrue(note.message().startsWith(file + " TestInfo.xml:3:13: not readable XML ("), note.message());
    }

    @Test
    void anNdaThatIsNotNewareIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("x.nda"), "not a neware file at all, just text");
        ImportException e = assertThrows(ImportException.class, () -> new NdaReader().read(file, new CollectingSink()));
        assertEquals(file + ": offset 0 (0x0): does not start with NEWARE: not a Neware .nda file", e.getMessage());
    }

    @Test
    void anNdaCutInsideItsHeaderIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(ReferenceData.require("neware/NewareNDA/nda/github/Issue72/TestFile.nda"));
        Path file = Files.write(tmp.resolve("cut.nda"), Arrays.copyOf(whole, 800));
        ImportException e = assertThrows(ImportException.class, () -> new NdaReader().read(file, new CollectingSink()));
        assertEquals(file + ": offset 800 (0x320): ends inside the .nda header: truncated", e.getMessage());
    }

    @Test
    void anNdaCutJustAfterItsServerVersionDoesNotCrash() throws Exception {
        // DamagedFilesTest's seed 16083126673258 found it: the client version 100 bytes after
        // "BTSServer" lay beyond the end of the cut file, and reading it threw StringIndexOutOfBounds
        byte[] whole = Files.readAllBytes(ReferenceData.require("neware/NewareNDA/nda/neware_reader/new_nda_file.nda"));
        int server = new String(whole, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("BTSServer");
        assertTrue(server > 0);
        Path file = Files.write(tmp.resolve("cut.nda"), Arrays.copyOf(whole, server + 60));
        try {
            new NdaReader().read(file, new CollectingSink());
        } catch (ImportException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }
}
