package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentsTest {

    @TempDir
    Path dir;

    @Test
    void theFirstSegmentHasThePlainName() throws IOException {
        assertEquals(dir.resolve("samples.arrows"), Segments.next(dir, "samples"));
        assertEquals(List.of(), Segments.list(dir, "samples"));
        assertEquals(List.of(), Segments.list(dir.resolve("missing"), "samples"));
    }

    @Test
    void segmentsListInNumericOrderAndTheNextOneFollowsTheHighest() throws IOException {
        for (String name : List.of("samples-0010.arrows", "samples.arrows", "samples-0002.arrows",
                "samples-0001.arrows", "spectra.arrows", "samples.arrows.tmp", "samples-x.arrows", "samples.csv")) {
            Files.writeString(dir.resolve(name), "");
        }
        assertEquals(List.of(dir.resolve("samples.arrows"), dir.resolve("samples-0001.arrows"),
                dir.resolve("samples-0002.arrows"), dir.resolve("samples-0010.arrows")), Segments.list(dir, "samples"));
        assertEquals(dir.resolve("samples-0011.arrows"), Segments.next(dir, "samples"));
        assertEquals(dir.resolve("spectra-0001.arrows"), Segments.next(dir, "spectra"));
    }
}
