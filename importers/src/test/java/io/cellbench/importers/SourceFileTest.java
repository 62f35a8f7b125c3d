package io.cellbench.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source's size and SHA-256, the checksum computed on its own thread while the reader reads. */
class SourceFileTest {

    @TempDir
    Path dir;

    @Test
    void checksumsAShortFileAsTheStandardVectorSays() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        SourceFile source = SourceFile.of(file);
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", source.sha256());
        assertEquals(3, source.sizeBytes());
        assertEquals(file, source.path());
    }

    @Test
    void checksumsAFileOfManyBuffersWhole() throws Exception {
        long seed = Seeds.seed("SourceFileTest");
        byte[] bytes = new byte[(1 << 16) * 5 + 12_345]; // not a whole number of the hash's 64 kB reads
        new Random(seed).nextBytes(bytes);
        Path file = Files.write(dir.resolve("data.ndax"), bytes);
        SourceFile source = SourceFile.of(file);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, source.sha256());
        assertEquals(expected, source.sha256(), "asked twice, the same answer");
        assertEquals(bytes.length, source.sizeBytes());
    }

    @Test
    void aFileDeletedOnceOpenedIsStillChecksummedWhole() throws Exception {
        // a pipe's copy under --out is deleted when its reader is done, maybe before the checksum is
        byte[] bytes = new byte[(1 << 16) * 3 + 7];
        Arrays.fill(bytes, (byte) 0x5a);
        Path file = Files.write(dir.resolve("copy.ndax"), bytes);
        SourceFile source = SourceFile.of(file);
        Files.delete(file);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), source.sha256());
        assertEquals(bytes.length, source.sizeBytes());
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("gone.ndax");
        ImportException e = assertThrows(ImportException.class, () -> SourceFile.of(missing));
        assertTrue(e.getMessage().contains("gone.ndax"), e.getMessage());
    }
}
