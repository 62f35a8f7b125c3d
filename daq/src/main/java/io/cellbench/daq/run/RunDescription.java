package io.cellbench.daq.run;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.RunStarted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * run.json as a recording keeps it: the manifest in memory and its file, each cell's start and
 * end written through at once (atomically, {@link RunManifest#write}) so that a crash leaves the
 * run described up to its last start or end. Not thread-safe: {@link RunDirectorySink} calls it
 * under the lock that guards its shared files.
 */
final class RunDescription {
    private final Path file;
    private final RunInfo info;
    private RunManifest manifest;

    private RunDescription(Path file, RunInfo info, RunManifest manifest) {
        this.file = file;
        this.info = info;
        this.manifest = manifest;
    }

    /**
     * The run.json of {@code directory}: continued when it holds this run (a resumed run),
     * refused when it holds another, written new when there is none.
     */
    static RunDescription open(Path directory, RunInfo info) throws IOException {
        Path runJson = directory.resolve(RunLayout.RUN_JSON);
        RunManifest manifest;
        if (Files.exists(runJson)) {
            manifest = RunManifest.read(runJson);
            if (!manifest.runId().equals(info.runId())) {
                throw new IOException(directory + " already holds run \"" + manifest.runId()
                        + "\"; record run \"" + info.runId() + "\" in a new directory");
            }
        } else {
            manifest = RunManifest.of(info);
            manifest.write(runJson);
        }
        return new RunDescription(runJson, info, manifest);
    }

    /** run.json's path, for the messages of failed writes. */
    Path file() {
        return file;
    }

    Optional<CellEntry> cell(String cellId) {
        return manifest.cell(cellId);
    }

    /** A cell's start: a new entry, or for a resumed cell the entry it had, counted one start more. */
    void started(RunStarted e) throws IOException {
        Optional<CellEntry> known = manifest.cell(e.cellId());
        write(manifest.with(e.resumed() && known.isPresent() ? known.get().resumed() : newEntry(e)));
    }

    /** A listed cell's end, with its outcome, message and test time. */
    void ended(CellEntry entry, RunEvent.Outcome outcome, String message, double testTimeSecond) throws IOException {
        write(manifest.with(entry.ended(outcome, message, testTimeSecond)));
    }

    private CellEntry newEntry(RunStarted e) {
        CellInfo cell = e.cell();
        return new CellEntry(cell, nullToEmpty(e.protocolName()), nullToEmpty(e.protocolSource()),
                info.instrumentsOf(e.cellId()), RunLayout.CELLS + "/" + e.cellId(), e.unixTimeSecond(), 1,
                Optional.empty(), "", Double.NaN);
    }

    private void write(RunManifest updated) throws IOException {
        RunManifest ordered = updated.inOrder(info.cells());
        ordered.write(file);
        manifest = ordered;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
