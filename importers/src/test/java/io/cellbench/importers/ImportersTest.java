package io.cellbench.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the reader: by name, confirmed by content; a file that is not what its name says is refused by name. */
class ImportersTest {

    @TempDir
    Path tmp;

    @Test
    void everyReferenceFormatFindsItsReader() throws Exception {
        assertEquals("neware-ndax", format("neware/fastnda/21_10_7_85.ndax"));
        assertEquals("neware-nda", format("neware/NewareNDA/nda/github/Issue72/TestFile.nda"));
        assertEquals("neware-nda", format("neware/fastnda/nda_v8.nda.zip"));
        assertEquals("biologic-mpr", format("biologic/yadg/cp.mpr"));
        assertEquals("arbin-res", format("arbin/battery-data-format/mits7-0.res.gz"));
        assertEquals("bdf-csv", format("bdf/tests/sample.bdf.csv"));
        assertEquals("maccor-text", format("maccor/beep/maccor_test_file_4267-66-6519.041"));
        assertEquals("maccor-eis", format("maccor/beep/maccor_test_file_4267-66-6519.EDA0001.041"));
        assertEquals("maccor-text", format("maccor/battery-data-toolkit/maccor_example.001"));
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefused() throws Exception {
        Path mpr = tmp.resolve("really-an-mpr.ndax");
        Files.copy(ReferenceData.require("biologic/yadg/cp.mpr"), mpr);
        ImportException e = assertThrows(ImportException.class, () -> Importers.forFile(mpr));
        assertEquals(mpr + ": not a neware-ndax file as its name says: it should start with a ZIP archive (PK\\3\\4)"
                + " but starts with 'BIO-LOGIC MODULA' (it looks like biologic-mpr)", e.getMessage());
    }

    @Test
    void emptyAndUnknownFilesAreRefused() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.ndax"));
        assertEquals(empty + ": empty file (0 bytes)",
                assertThrows(ImportException.class, () -> Importers.forFile(empty)).getMessage());
        Path unknown = Files.write(tmp.resolve("data.bin"), new byte[] {1, 2, 3, (byte) 0xff});
        ImportException e = assertThrows(ImportException.class, () -> Importers.forFile(unknown));
        assertTrue(e.getMessage().startsWith(unknown + ": no reader knows this file (it starts with bytes 01 02 03 ff)"),
                e.getMessage());
    }

    private static String format(String reference) throws ImportException {
        return Importers.forFile(ReferenceData.require(reference)).format();
    }
}
