package io.cellbench.schedules.session;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.run.RunManifest;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A resume's record of the cells that had finished. A cell's journal records its end first,
 * then run.json and events.jsonl do: a disk that fills in between (as a cell completes on a
 * full disk) leaves the end in the journal alone. Resume leaves a finished cell alone and
 * would never write its end anywhere else, so run.json would say for good that the cell never
 * ended. Before any cell goes on, each finished cell's end is recorded from its journal.
 */
public final class FinishedEnds {

    private FinishedEnds() {
    }

    /**
     * Records, through the open run directory, the end of each of {@code cellIds} (the cells
     * this resume does not run) whose journal says it finished while run.json does not.
     *
     * @return a line for the console per cell whose end was recorded now
     */
    public static List<String> record(RunDirectorySink record, Path runDirectory, Collection<String> cellIds)
            throws IOException {
        List<String> said = new ArrayList<>();
        for (String id : cellIds) {
            Optional<JournalEntry> journal = JournalFiles.readEntry(runDirectory, id).filter(JournalEntry::finished);
            if (journal.isEmpty()) {
                continue;
            }
            JournalEntry e = journal.get();
            double testTime = e.position() == null ? Double.NaN : e.position().testTimeSecond();
            // dated when the cell ended (its journal's time); a cell that ended before its first step has none
            double at = e.position() == null ? System.currentTimeMillis() / 1000.0 : e.writtenUnixSecond();
            String outcome = e.outcome().name().toLowerCase(Locale.ROOT);
            RunEvent.RunEnded end = new RunEvent.RunEnded(id, testTime, e.outcome(), "ended " + outcome
                    + "; recorded by resume from the cell's journal: the run directory could not take it when the"
                    + " cell ended");
            if (record.recordEnd(end, at)) {
                said.add("cellbench: " + id + " had ended " + outcome + " when the run directory could not take its"
                        + " end (a full disk); recorded now in run.json from its journal");
            }
        }
        return said;
    }

    /**
     * The same for a resume that runs no cell: the run directory is opened for this alone, and
     * only when a finished cell's end is missing from run.json.
     */
    public static List<String> record(Path runDirectory, RunInfo info, Collection<String> cellIds) throws IOException {
        RunManifest manifest;
        try (RunReader reader = RunReader.open(runDirectory)) {
            manifest = reader.manifest();
        }
        boolean missing = false;
        for (String id : cellIds) {
            Optional<JournalEntry> journal = JournalFiles.readEntry(runDirectory, id).filter(JournalEntry::finished);
            missing |= journal.isPresent() && !manifest.cell(id).flatMap(CellEntry::outcome)
                    .equals(Optional.of(journal.get().outcome()));
        }
        if (!missing) {
            return List.of();
        }
        try (RunDirectorySink sink = RunDirectorySink.open(runDirectory, info)) {
            return record(sink, runDirectory, cellIds);
        }
    }
}
