package io.cellbench.daq.impedance;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.daq.arrow.ArrowCycleReader;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.arrow.ReadReport;
import io.cellbench.daq.cycles.CycleWriter;
import io.cellbench.daq.run.RunLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Puts the fitted R_bulk, R_gb and R_int of each cycle's last sweep into a cell's
 * {@code cycles.arrows} and {@code cycles.csv} (issue 16), once every sweep of the cell is fitted.
 *
 * <p>The cycle files are written by the cell's thread as each cycle completes, the fits by their
 * own thread a moment (or, at full virtual speed, many cycles) later; waiting for the fit would put
 * it back on the sampling path. So a cycle's row is first written without its resistances (NaN),
 * and when the cell ends (its files closed, its last sweep fitted) both files are written again with
 * them, into a temporary file moved over the old one (a reader sees the old file or the new, never
 * a half). A run that is killed keeps the rows without resistances until {@code resume} ends the
 * cell; {@code data cycles} reads them from fits.arrows meanwhile.
 *
 * <p>The new files are forced to disk once each, before they replace the old, not after every
 * cycle's batch as the cell's writer forces them live: rewritten at the end of a 1,000-cycle run
 * with a force per batch, they cost a thousand forces (about ten seconds on a shared disk) that
 * the run waited for, and a force per batch protects nothing here (until the move the old files
 * stand).
 */
final class FittedCycles {

    private FittedCycles() {
    }

    /**
     * Rewrites the cell's cycle files with the resistances of its fits; returns why it could not
     * (a cycles file cut short, say), or null when it did or there was nothing to do.
     */
    static String fill(Path runDirectory, String cellId, ArrowWriteOptions options, BufferAllocator allocator)
            throws IOException {
        Path dir = RunLayout.cellDirectory(runDirectory, cellId);
        Path arrow = dir.resolve(CycleWriter.ARROW_FILE);
        if (!Files.isRegularFile(arrow)) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        Map<Integer, FittedSweep> fitted = FitReader.lastPerCycle(FitReader.read(runDirectory, cellId, allocator,
                warnings));
        if (fitted.isEmpty()) {
            return null;
        }
        List<CycleSummary> cycles = new ArrayList<>();
        ReadReport read = ArrowCycleReader.read(arrow, allocator, cycles::add);
        if (!read.clean()) {
            return arrow + " was not read to its end (" + String.join("; ", read.warnings())
                    + "); its cycles keep no fitted resistances";
        }
        Path scratch = Files.createTempDirectory(dir, ".cycles-");
        try {
            try (CycleWriter out = CycleWriter.create(scratch, metadata(arrow, allocator),
                    options.withFsync(FsyncPolicy.NEVER), allocator)) {
                for (CycleSummary c : cycles) {
                    FittedSweep s = fitted.get(c.cycleCount());
                    out.write(s == null ? c : c.withResistances(s.bulkOhm(), s.grainBoundaryOhm(), s.interfaceOhm()));
                }
            }
            if (options.fsync() == FsyncPolicy.EVERY_BATCH) {
                force(scratch.resolve(CycleWriter.ARROW_FILE));
                force(scratch.resolve(CycleWriter.CSV_FILE));
            }
            Files.move(scratch.resolve(CycleWriter.ARROW_FILE), arrow, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(scratch.resolve(CycleWriter.CSV_FILE), dir.resolve(CycleWriter.CSV_FILE),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (var left = Files.walk(scratch)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return warnings.isEmpty() ? null : String.join("; ", warnings);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
    }

    /** The run's metadata the cycles file was written with, to write it again. */
    private static Map<String, String> metadata(Path arrow, BufferAllocator allocator) throws IOException {
        try (InputStream in = Files.newInputStream(arrow); ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            Map<String, String> m = reader.getVectorSchemaRoot().getSchema().getCustomMetadata();
            return m == null ? Map.of() : m;
        }
    }
}
