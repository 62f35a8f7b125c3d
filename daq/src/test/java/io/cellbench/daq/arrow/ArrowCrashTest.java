package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.testing.ArrowFilesTest;
import io.cellbench.daq.testing.Samples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a killed writer leaves behind, and that every complete batch of it still reads. */
class ArrowCrashTest extends ArrowFilesTest {
    private static final int BATCH = 100;

    /** Writes 5 batches of 100 rows; returns the file size after the schema and after each batch. */
    private List<Long> writeFiveBatches(Path file) throws IOException {
        List<Long> sizes = new ArrayList<>();
        ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withBatchRows(BATCH).withMaxBufferedSeconds(1e9)
                .withFsync(FsyncPolicy.NEVER);
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, Map.of(), options, allocator)) {
            sizes.add(Files.size(file));
            for (int i = 0; i < 5 * BATCH; i++) {
                writer.write(Samples.numbered(i));
                if (writer.rowsBuffered() == 0) {
                    sizes.add(Files.size(file));
                }
            }
        }
        return sizes;
    }

    private static Path truncatedCopy(Path source, Path target, long length) throws IOException {
        Files.copy(source, target);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
        return target;
    }

    private List<Sample> readAll(List<Path> files, List<String> warnings) throws IOException {
        List<Sample> read = new ArrayList<>();
        ReadReport report = ArrowSampleReader.read(files, allocator, read::add);
        warnings.addAll(report.warnings());
        assertEquals(read.size(), report.rows());
        return read;
    }

    @Test
    void aBatchTornMidwayCostsOnlyThatBatch() throws IOException {
        Path whole = dir.resolve("whole.arrows");
        List<Long> sizes = writeFiveBatches(whole);
        long fourBatches = sizes.get(4);
        long fiveBatches = sizes.get(5);
        // Cut the file in the middle of the fifth batch, as a kill -9 during a write would.
        Path torn = truncatedCopy(whole, dir.resolve("samples.arrows"), (fourBatches + fiveBatches) / 2);

        List<String> warnings = new ArrayList<>();
        List<Sample> read = readAll(List.of(torn), warnings);

        assertEquals(Samples.numbered(0, 4 * BATCH), read);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains("batch 5 is torn"), warnings.getFirst());
        assertTrue(warnings.getFirst().contains("4 complete batches"), warnings.getFirst());
    }

    @Test
    void aBatchTornInItsHeaderCostsOnlyThatBatch() throws IOException {
        Path whole = dir.resolve("whole.arrows");
        List<Long> sizes = writeFiveBatches(whole);
        Path torn = truncatedCopy(whole, dir.resolve("samples.arrows"), sizes.get(3) + 6);

        List<String> warnings = new ArrayList<>();
        assertEquals(Samples.numbered(0, 3 * BATCH), readAll(List.of(torn), warnings));
        assertTrue(warnings.getFirst().contains("batch 4 is torn"), warnings.toString());
    }

    @Test
    void aFileCutBetweenBatchesReadsFullyAndSaysItWasNotClosed() throws IOException {
        Path whole = dir.resolve("whole.arrows");
        List<Long> sizes = writeFiveBatches(whole);
        Path cut = truncatedCopy(whole, dir.resolve("samples.arrows"), sizes.get(5));

        assertTrue(Segments.endsWithEndOfStream(whole));
        assertFalse(Segments.endsWithEndOfStream(cut));
        List<String> warnings = new ArrayList<>();
        assertEquals(Samples.numbered(0, 5 * BATCH), readAll(List.of(cut), warnings));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains("no end-of-stream marker"), warnings.getFirst());
    }

    @Test
    void aFileCutInItsSchemaIsSkippedAndTheNextSegmentStillReads() throws IOException {
        Path whole = dir.resolve("whole.arrows");
        writeFiveBatches(whole);
        Path first = truncatedCopy(whole, dir.resolve("samples.arrows"), 20);
        Path second = Files.copy(whole, dir.resolve("samples-0001.arrows"));

        List<String> warnings = new ArrayList<>();
        assertEquals(Samples.numbered(0, 5 * BATCH), readAll(Segments.list(dir, "samples"), warnings));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith(first.toString()), warnings.getFirst());
        assertTrue(warnings.getFirst().contains("no readable schema"), warnings.getFirst());
        assertTrue(Files.exists(second));
    }

    @Test
    void segmentsReadInOrderAfterATornOne() throws IOException {
        Path whole = dir.resolve("whole.arrows");
        List<Long> sizes = writeFiveBatches(whole);
        truncatedCopy(whole, dir.resolve("samples.arrows"), sizes.get(2) + 100);
        Files.copy(whole, dir.resolve("samples-0001.arrows"));

        List<String> warnings = new ArrayList<>();
        List<Sample> read = readAll(Segments.list(dir, "samples"), warnings);

        List<Sample> expected = new ArrayList<>(Samples.numbered(0, 2 * BATCH));
        expected.addAll(Samples.numbered(0, 5 * BATCH));
        assertEquals(expected, read);
        assertEquals(1, warnings.size());
    }

    @Test
    void aWriterKilledWithSigkillLeavesEveryCompleteBatchReadable() throws Exception {
        Path file = dir.resolve("samples.arrows");
        Path stderr = dir.resolve("child-stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java,
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false",
                "-cp", System.getProperty("java.class.path"),
                CrashingSampleWriterMain.class.getName(), file.toString())
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("batch 5"));
            assertEquals("batch 5", line, () -> "the writer died early: " + read(stderr));
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, no end marker
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        List<String> warnings = new ArrayList<>();
        List<Sample> read = readAll(List.of(file), warnings);

        assertTrue(read.size() >= 5 * BATCH, "read " + read.size() + " rows");
        assertEquals(0, read.size() % BATCH, "only whole batches: " + read.size());
        assertEquals(Samples.numbered(0, read.size()), read);
        assertEquals(1, warnings.size(), warnings.toString()); // torn batch, or cut cleanly between two
        assertTrue(warnings.getFirst().contains("is torn") || warnings.getFirst().contains("no end-of-stream"),
                warnings.getFirst());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
