package io.cellbench.schedules.journal;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunManifest;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code cellbench resume} does with each cell of an interrupted run directory: leave a
 * finished cell alone, continue a cell from its journal, or start a cell that never began.
 * A journaled position is moved on to the last sample that reached the disk after it (in the
 * same step), so the resumed run continues the data exactly: no sample twice, counters
 * continuous.
 *
 * <p>Each cell's last sample on disk is checked against its journal, which says up to which
 * test time the data had been written: data that end there or later are an interruption's
 * usual loss at most (the last batch, not yet written when the process died: {@link
 * Continue#unwritten}); data that end before it have lost recorded samples ({@link
 * MissingData}), and the caller must not continue silently past that hole.
 */
public final class ResumePlan {

    /** One cell's fate. */
    public sealed interface CellPlan {
        String cellId();
    }

    /** Completed, tripped or faulted: left alone. */
    public record Finished(String cellId, RunEvent.Outcome outcome) implements CellPlan {
    }

    /**
     * Continues from {@code entry.position()}.
     *
     * @param unwritten test times {from, to} of samples recorded before the interruption that
     *                  had not reached the disk (from the last sample on disk to the journaled
     *                  position); {@code null} when none are missing
     */
    public record Continue(String cellId, JournalEntry entry, double[] unwritten) implements CellPlan {
        public Continue(String cellId, JournalEntry entry) {
            this(cellId, entry, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Continue c && c.cellId.equals(cellId) && c.entry.equals(entry)
                    && java.util.Arrays.equals(c.unwritten, unwritten);
        }

        @Override
        public int hashCode() {
            return cellId.hashCode();
        }
    }

    /**
     * The data on disk end before what the journal says had been written: recorded samples
     * are missing (a file truncated, deleted, or restored from an older copy).
     *
     * @param entry          the journal, to continue from if the operator accepts the hole
     * @param onDiskTestTimeSecond the last sample on disk, or negative infinity for none
     * @param writtenTestTimeSecond what the journal says was on disk
     */
    public record MissingData(String cellId, JournalEntry entry, double onDiskTestTimeSecond,
                              double writtenTestTimeSecond) implements CellPlan {
        /** Continues from the journal across the hole; the data's end is what is on disk now. */
        public Continue accepted() {
            return new Continue(cellId, entry.continuingAt(entry.position(),
                    Double.isInfinite(onDiskTestTimeSecond) ? null : onDiskTestTimeSecond), null);
        }
    }

    /** No step began before the interruption (no data either): starts from the beginning. */
    public record Fresh(String cellId) implements CellPlan {
    }

    private ResumePlan() {
    }

    /** Plans {@code cellIds} (the schedule's cells, in order) from the run directory. */
    public static Map<String, CellPlan> plan(Path runDirectory, List<String> cellIds) throws IOException {
        Map<String, CellPlan> out = new LinkedHashMap<>();
        try (RunReader reader = RunReader.open(runDirectory)) {
            RunManifest manifest = reader.manifest();
            for (String id : cellIds) {
                out.put(id, planCell(runDirectory, reader, manifest.cell(id), id));
            }
        }
        return out;
    }

    /** Samples and spectra the cell has on disk (0 when it has no directory). */
    private static long recordedRows(RunReader reader, Path runDirectory, String id) throws IOException {
        if (!java.nio.file.Files.isDirectory(io.cellbench.daq.run.RunLayout.cellDirectory(runDirectory, id))) {
            return 0;
        }
        return reader.samples(id, s -> { }).rows() + reader.spectra(id, (index, s) -> { }).rows();
    }

    private static CellPlan planCell(Path runDirectory, RunReader reader, Optional<CellEntry> manifested, String id)
            throws IOException {
        Optional<RunEvent.Outcome> recorded = manifested.flatMap(CellEntry::outcome);
        Optional<JournalEntry> journal = JournalFiles.readEntry(runDirectory, id);
        if (journal.isPresent() && journal.get().finished()) {
            if (manifested.isEmpty()) {
                // A cell that ran had its entry written as it started: this run.json is not the run's.
                Path runJson = runDirectory.resolve(io.cellbench.daq.run.RunLayout.RUN_JSON);
                throw new IOException("cell " + id + " has finished (its journal says " + journal.get().outcome()
                        + ") but " + runJson + " does not list it, so resume cannot record how it ended (run.json"
                        + " replaced by an older copy?): move run.json aside, rebuild it from the data with"
                        + " 'cellbench repair " + runDirectory + "', then resume");
            }
            return new Finished(id, journal.get().outcome());
        }
        if (recorded.isPresent() && recorded.get() != RunEvent.Outcome.STOPPED) {
            return new Finished(id, recorded.get());
        }
        if (journal.isEmpty() || journal.get().position() == null) {
            // Its files may exist with no row in them (created, then the process died or the disk
            // filled before its first journal write): nothing was recorded, it starts afresh.
            if (manifested.isPresent() && recordedRows(reader, runDirectory, id) > 0) {
                throw new IOException("cell " + id + " has recorded data but no journal in "
                        + JournalFiles.directory(runDirectory) + "; it cannot be resumed");
            }
            return new Fresh(id);
        }
        JournalEntry entry = journal.get();
        Sample[] lastSample = new Sample[1];
        if (java.nio.file.Files.isDirectory(io.cellbench.daq.run.RunLayout.cellDirectory(runDirectory, id))) {
            reader.samples(id, s -> lastSample[0] = s);
        }
        double onDisk = lastSample[0] == null ? Double.NEGATIVE_INFINITY : lastSample[0].testTimeSecond();
        Double written = entry.dataThroughTestTimeSecond();
        if (written != null && onDisk < written) {
            return new MissingData(id, entry, onDisk, written);
        }
        RunPosition at = entry.position();
        RunPosition moved = (lastSample[0] == null ? at : at.advancedTo(lastSample[0])).recordedOnDisk(lastSample[0]);
        // Nothing on disk counts from test time 0: a cell stopped at 0 lost nothing (an empty range).
        double from = Math.max(0, onDisk);
        double[] unwritten = from < at.testTimeSecond() ? new double[] {from, at.testTimeSecond()} : null;
        return new Continue(id, entry.continuingAt(moved, lastSample[0] == null ? null : onDisk), unwritten);
    }
}
