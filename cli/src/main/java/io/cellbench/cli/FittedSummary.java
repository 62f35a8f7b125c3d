package io.cellbench.cli;

import io.cellbench.daq.impedance.FitReader;
import io.cellbench.daq.impedance.FittedSweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.RootAllocator;

/**
 * The run summary's impedance figures for a cell whose sweeps were fitted: R_bulk, R_gb and R_int
 * from the first to the last fitted sweep, in place of "R(bulk+interface)" (the first minimum of
 * −Im Z, which sits a few % above their sum and cannot tell them apart), and how many sweeps
 * failed the Lin-KK test.
 */
final class FittedSummary {
    private static final String ESTIMATE = "  R(bulk+interface):";

    private FittedSummary() {
    }

    /** {@code line} with the fitted figures of the cell, or unchanged when it has no fits. */
    static String withFits(String line, Path runDirectory, String cellId) throws IOException {
        if (!FitReader.hasFits(runDirectory, cellId)) {
            return line;
        }
        List<FittedSweep> fits;
        try (RootAllocator allocator = new RootAllocator()) {
            fits = FitReader.read(runDirectory, cellId, allocator, new ArrayList<>());
        }
        if (fits.isEmpty()) {
            return line;
        }
        int at = line.indexOf(ESTIMATE);
        String head = at < 0 ? line : line.substring(0, at);
        FittedSweep first = fits.getFirst();
        FittedSweep last = fits.getLast();
        long untrusted = fits.stream().filter(f -> !f.trustworthy()).count();
        return head + String.format(Locale.ROOT, "  fit: R_bulk %.2f -> %.2f, R_gb %.2f -> %.2f, R_int %.2f -> %.2f Ohm",
                first.bulkOhm(), last.bulkOhm(), first.grainBoundaryOhm(), last.grainBoundaryOhm(),
                first.interfaceOhm(), last.interfaceOhm())
                + (untrusted == 0 ? "" : String.format(Locale.ROOT, " (%d of %d sweeps failed Lin-KK)", untrusted,
                fits.size()));
    }
}
