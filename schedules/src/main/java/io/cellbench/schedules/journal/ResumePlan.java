package io.cellbench.schedules.journal;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunManifest;
import io.cellbench.daq.run.RunReader;
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
 */
public final class ResumePlan {

    /** One cell's fate. */
    public sealed interface CellPlan {
        String cellId();
    }

    /** Completed, tripped or faulted: left alone. */
    public record Finished(String cellId, RunEvent.Outcome outcome) implements CellPlan {
    }

    /** Continues from {@code entry.position()}. */
    public record Continue(String cellId, JournalEntry entry) implements CellPlan {
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

    private static CellPlan planCell(Path runDirectory, RunReader reader, Optional<CellEntry> manifested, String id)
            throws IOException {
        Optional<RunEvent.Outcome> recorded = manifested.flatMap(CellEntry::outcome);
        Optional<JournalEntry> journal = JournalFiles.readEntry(runDirectory, id);
        if (journal.isPresent() && journal.get().finished()) {
            return new Finished(id, journal.get().outcome());
        }
        if (recorded.isPresent() && recorded.get() != RunEvent.Outcome.STOPPED) {
            return new Finished(id, recorded.get());
        }
        if (journal.isEmpty() || journal.get().position() == null) {
            if (manifested.isPresent() && !reader.sampleSegments(id).isEmpty()) {
                throw new IOException("cell " + id + " has recorded data but no journal in "
                        + JournalFiles.directory(runDirectory) + "; it cannot be resumed");
            }
            return new Fresh(id);
        }
        JournalEntry entry = journal.get();
        Sample[] lastSample = new Sample[1];
        if (manifested.isPresent()) {
            reader.samples(id, s -> lastSample[0] = s);
        }
        if (lastSample[0] != null) {
            entry = new JournalEntry(id, entry.writtenUnixSecond(), entry.position().advancedTo(lastSample[0]),
                    entry.outcome(), entry.instruments());
        }
        return new Continue(id, entry);
    }
}
