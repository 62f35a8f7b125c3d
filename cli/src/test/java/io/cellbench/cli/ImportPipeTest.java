package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.testing.ReferenceData;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file given through a pipe ({@code cellbench import <(zcat cell7.ndax.gz)}) imports as the file
 * itself does: the readers look at its start and read archives by random access, so the import
 * copies it under --out first, and leaves no copy behind.
 */
class ImportPipeTest {
    @TempDir
    Path tmp;

    @Test
    void anNdaxThroughAPipeImportsAsTheFileDoes() throws Exception {
        Path file = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        Path pipe = tmp.resolve("from-zcat");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                Files.copy(file, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Console piped = Console.run("import", pipe.toString(), "--cell", "cell7", "--out", tmp.resolve("piped").toString());
        writer.join();
        assertEquals(0, piped.exitCode(), piped.out() + piped.err());
        Console direct = Console.run("import", file.toString(), "--cell", "cell7", "--out", tmp.resolve("direct").toString());
        assertEquals(0, direct.exitCode(), direct.out() + direct.err());

        Console a = Console.run("data", "raw", tmp.resolve("piped").toString(), "--format", "csv");
        Console b = Console.run("data", "raw", tmp.resolve("direct").toString(), "--format", "csv");
        assertEquals(b.out(), a.out(), "the same samples");
        assertTrue(a.out().lines().count() > 100_000, "all of them: " + a.out().lines().count());
        String manifest = Files.readString(tmp.resolve("piped/run.json"));
        assertTrue(manifest.contains("\"source_file\" : \"" + pipe + "\"") || manifest.contains("\"source_file\":\"" + pipe + "\""),
                "run.json names the pipe given: " + manifest);
        // the checksum is computed on its own thread from the copy, which is deleted once read
        JsonNode imported = new ObjectMapper().readTree(manifest).path("cells").get(0).path("import");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                imported.path("source_sha256").asText(), imported.toString());
        assertEquals(bytes.length, imported.path("source_size_bytes").asLong(), imported.toString());
        try (var files = Files.walk(tmp.resolve("piped"))) {
            List<Path> copies = files.filter(p -> p.toString().contains(".piped")).toList();
            assertEquals(List.of(), copies, "no copy is left under --out");
        }
    }

    @Test
    void aPipeHoldingNoBatteryDataIsRefusedByTheNameGiven() throws Exception {
        Path pipe = tmp.resolve("notes");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write("just some notes\n".getBytes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Console c = Console.run("import", pipe.toString(), "--cell", "x", "--out", tmp.resolve("x").toString());
        writer.join();
        assertEquals(2, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().contains(pipe.toString()), "the message names the pipe given: " + c.err());
        assertTrue(!c.err().contains(".piped"), "not the copy: " + c.err());
        assertTrue(Files.notExists(tmp.resolve("x")), "nothing written");
    }
}
