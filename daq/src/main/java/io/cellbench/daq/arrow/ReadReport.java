package io.cellbench.daq.arrow;

import java.nio.file.Path;
import java.util.List;

/**
 * What a read found: rows and batches delivered, the files read in order, and warnings
 * (a torn last batch after a crash, a file its writer never closed). A read with warnings
 * still delivered every complete batch.
 */
public record ReadReport(long rows, long batches, List<Path> files, List<String> warnings) {

    public ReadReport {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** True when every file was read to its end-of-stream marker. */
    public boolean clean() {
        return warnings.isEmpty();
    }
}
