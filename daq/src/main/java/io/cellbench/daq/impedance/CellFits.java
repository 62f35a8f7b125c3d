package io.cellbench.daq.impedance;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.ArrowRowsFile;
import io.cellbench.daq.arrow.ArrowSpectrumReader;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.arrow.Segments;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.table.DrtField;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitColumns;
import io.cellbench.impedance.table.FitRow;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One cell's fit files: a segment of {@code fits.arrows} (one row per sweep) and of
 * {@code drt.arrows} (one batch per sweep, a row per τ), opened when the cell starts. A resumed
 * cell gets new segments, as its samples and spectra do. A file that cannot be written is noted
 * once and the cell's fits go on without it. Used by the fit worker thread only.
 *
 * <p>The files are forced to disk once, when the cell ends (if the run forces its files at all),
 * not after every sweep as spectra.arrows is: they are made again from it (resume fits the
 * sweeps a power cut took the fits of; {@code data eis --fit} makes them all), and their two forces
 * a sweep competed with the cell's own on the disk, and doubled the time a run's queued fits kept
 * it waiting at its end.
 */
final class CellFits {

    public static final String FITS = "fits";
    public static final String DRT = "drt";

    private final String cellId;
    private ArrowRowsFile<FitRow> fits;
    private ArrowRowsFile<DrtRow> drt;
    private int nextIndex;
    private final boolean forceAtEnd;
    /** Sweeps the killed process before a resume recorded but did not fit: fitted first. */
    private final java.util.SortedMap<Integer, io.cellbench.core.data.Spectrum> unfitted;

    private CellFits(String cellId, ArrowRowsFile<FitRow> fits, ArrowRowsFile<DrtRow> drt, int firstIndex,
                     java.util.SortedMap<Integer, io.cellbench.core.data.Spectrum> unfitted, boolean forceAtEnd) {
        this.cellId = cellId;
        this.forceAtEnd = forceAtEnd;
        this.fits = fits;
        this.drt = drt;
        this.nextIndex = firstIndex;
        this.unfitted = unfitted;
    }

    /** The sweeps recorded before a resume that no fits file has (empty for a fresh cell), by spectrum index. */
    java.util.SortedMap<Integer, io.cellbench.core.data.Spectrum> unfitted() {
        return unfitted;
    }

    static CellFits open(Path runDirectory, RunEvent.RunStarted start, Circuit circuit, ArrowWriteOptions options,
                         BufferAllocator allocator, Consumer<RunEvent.Notice> notes) {
        Path dir = RunLayout.cellDirectory(runDirectory, start.cellId());
        int first = 1;
        java.util.SortedMap<Integer, io.cellbench.core.data.Spectrum> unfitted = new java.util.TreeMap<>();
        ArrowRowsFile<FitRow> fits = null;
        ArrowRowsFile<DrtRow> drt = null;
        try {
            if (start.resumed()) {
                first = recordedBefore(dir, start.unixTimeSecond(), allocator, unfitted) + 1;
                for (FittedSweep done : FitReader.read(runDirectory, start.cellId(), allocator, new java.util.ArrayList<>())) {
                    unfitted.remove(done.spectrumIndex());
                }
            }
            Files.createDirectories(dir);
            Map<String, String> metadata = Map.of("cell_id", start.cellId(), "circuit", circuit.text());
            ArrowWriteOptions unforced = options.withFsync(FsyncPolicy.NEVER);
            fits = ArrowRowsFile.create(Segments.next(dir, FITS), FitColumns.of(circuit), metadata, unforced,
                    allocator);
            drt = ArrowRowsFile.create(Segments.next(dir, DRT), DrtField.columns(), metadata, unforced, allocator);
        } catch (IOException | RuntimeException e) {
            notes.accept(new RunEvent.Notice(start.cellId(), Double.NaN, RunEvent.Severity.WARNING,
                    "impedance fits of this cell are not written to " + dir + ": " + e.getMessage()));
            closeQuietly(fits);
            fits = null;
        }
        return new CellFits(start.cellId(), fits, drt, first, unfitted, options.fsync() == FsyncPolicy.EVERY_BATCH);
    }

    int nextIndex() {
        return nextIndex++;
    }

    void write(FitRow fit, List<DrtRow> rows, Consumer<RunEvent.Notice> notes) {
        if (fits == null) {
            return;
        }
        try {
            fits.write(List.of(fit));
            drt.write(rows);
        } catch (IOException | RuntimeException e) {
            notes.accept(new RunEvent.Notice(cellId, fit.spectrum().testTimeSecond(), RunEvent.Severity.WARNING,
                    "impedance fits of this cell are no longer written (" + e.getMessage() + "); the spectra are "
                            + "in spectra.arrows: cellbench data eis RUN --fit"));
            close();
        }
    }

    void close() {
        try {
            closeAndForce(fits);
            closeAndForce(drt);
        } finally {
            fits = null;
            drt = null;
        }
    }

    /**
     * The highest spectrum index this cell recorded before {@code resumedAtUnix} (the sweeps of
     * this session are measured after it, even if spectra.arrows has them by the time this reads),
     * and every sweep recorded before it into {@code recorded}.
     */
    private static int recordedBefore(Path dir, double resumedAtUnix, BufferAllocator allocator,
                                      java.util.Map<Integer, io.cellbench.core.data.Spectrum> recorded)
            throws IOException {
        int[] last = {0};
        ArrowSpectrumReader.read(Segments.list(dir, RunLayout.SPECTRA), allocator, (index, s) -> {
            if (!(s.unixTimeSecond() >= resumedAtUnix)) {
                last[0] = Math.max(last[0], index);
                if (!s.points().isEmpty()) {
                    recorded.put(index, s);
                }
            }
        });
        return last[0];
    }

    private void closeAndForce(ArrowRowsFile<?> file) {
        if (file == null) {
            return;
        }
        closeQuietly(file);
        if (forceAtEnd) {
            try (FileChannel channel = FileChannel.open(file.file(), StandardOpenOption.WRITE)) {
                channel.force(false);
            } catch (IOException ignored) {
                // the rows reached the file; only a power cut in the next seconds could take them
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing after a write failure: the failure was already noted
        }
    }
}
