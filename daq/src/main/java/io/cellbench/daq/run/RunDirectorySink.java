package io.cellbench.daq.run;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Notice;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.RunEvent.SpectrumMeasured;
import io.cellbench.core.data.RunEvent.StepEnded;
import io.cellbench.core.data.RunEvent.StepStarted;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.time.LabClock;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Records a run into a directory (layout in docs/data.md):
 * <pre>
 * run.json                      the run and its cells (rewritten atomically on start/end)
 * events.jsonl                  run, step and notice events of all cells, one JSON per line
 * cells/&lt;cell id&gt;/samples.arrows   Arrow stream, one row per sample (+ samples-0001.arrows … after resumes)
 * cells/&lt;cell id&gt;/spectra.arrows   Arrow stream, one row per impedance point, a batch per spectrum
 * cells/&lt;cell id&gt;/cycles.arrows    Arrow stream, one row per completed cycle
 * cells/&lt;cell id&gt;/cycles.csv       the same, as CSV
 * </pre>
 * A cell's files open on its RunStarted and close on its RunEnded (or {@link #close()}).
 * Cells may run on different threads, each cell's events on one thread; the shared event
 * log and run.json (kept by {@link RunDescription}) are guarded by a lock. A write failure is thrown to the caller as a
 * {@link RecordingFailure} naming the cell and the file: losing data must not go unnoticed.
 */
public final class RunDirectorySink implements RunListener, AutoCloseable {

    /** What dates an event that carries no test time of an open cell (see {@link #datedBy}). */
    private volatile DoubleSupplier now = () -> System.currentTimeMillis() / 1000.0;
    private final Path directory;
    private final RunInfo info;
    private final ArrowWriteOptions options;
    private final BufferAllocator allocator;
    private final boolean ownsAllocator;
    private final ConcurrentHashMap<String, CellRecorder> cells = new ConcurrentHashMap<>();
    /** Per cell, the aux columns its next samples file gets ({@link #auxColumns}); none for a live run's cells. */
    private final ConcurrentHashMap<String, List<Column>> aux = new ConcurrentHashMap<>();
    /** Guards the shared files: events.jsonl and run.json. */
    private final ReentrantLock shared = new ReentrantLock();
    private final EventLog events;
    private final List<String> repairs;
    private final RunDescription description;
    private boolean closed;

    private RunDirectorySink(Path directory, RunInfo info, ArrowWriteOptions options, BufferAllocator allocator,
                             boolean ownsAllocator, EventLog events, RunDescription description) {
        this.repairs = events.repaired() == null ? List.of() : List.of(events.repaired());
        this.directory = directory;
        this.info = info;
        this.options = options;
        this.allocator = allocator;
        this.ownsAllocator = ownsAllocator;
        this.events = events;
        this.description = description;
    }

    /** Opens {@code directory} with the default write options and an allocator of its own. */
    public static RunDirectorySink open(Path directory, RunInfo info) throws IOException {
        RootAllocator root = new RootAllocator();
        try {
            return open(directory, info, ArrowWriteOptions.DEFAULTS, root, true);
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /**
     * Opens {@code directory} (created if missing). A directory that already holds this run
     * (same run id in run.json) is continued, for a resumed run; one holding another run is
     * refused. Arrow memory comes from children of {@code allocator}, all freed on close.
     */
    public static RunDirectorySink open(Path directory, RunInfo info, ArrowWriteOptions options,
                                        BufferAllocator allocator) throws IOException {
        return open(directory, info, options, allocator, false);
    }

    private static RunDirectorySink open(Path directory, RunInfo info, ArrowWriteOptions options,
                                         BufferAllocator allocator, boolean ownsAllocator) throws IOException {
        Files.createDirectories(directory.resolve(RunLayout.CELLS));
        RunDescription description = RunDescription.open(directory, info);
        EventLog events = EventLog.open(directory.resolve(RunLayout.EVENTS));
        if (events.repaired() != null) {
            // The log's own record of the repair, dated now: the run had no event at this moment.
            events.append(new Notice("", Double.NaN, RunEvent.Severity.WARNING, events.repaired()),
                    System.currentTimeMillis() / 1000.0);
        }
        return new RunDirectorySink(directory, info, options, allocator, ownsAllocator, events, description);
    }

    /**
     * Dates the events that carry no test time of an open cell by {@code clock}, the run's, instead
     * of the wall clock: a virtual lab in scaled time lives hours ahead of the wall clock, and its
     * events.jsonl must be in one time.
     */
    public RunDirectorySink datedBy(LabClock clock) {
        now = clock::nowUnixSeconds;
        return this;
    }

    /** What opening the directory repaired (a torn last line of events.jsonl), each said in events.jsonl too. */
    public List<String> repairs() {
        return repairs;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void on(RunEvent event) {
        switch (event) {
            case RunStarted e -> start(e);
            case SampleRecorded e -> sample(e, NO_AUX);
            case SpectrumMeasured e -> {
                CellRecorder cell = recorder(e);
                try {
                    cell.spectrum(e.spectrum());
                } catch (IOException x) {
                    throw failure(e.cellId(), "a spectrum", cell.spectraFile(), x);
                }
            }
            case StepStarted e -> log(e, e.testTimeSecond());
            case StepEnded e -> log(e, e.testTimeSecond());
            case Notice e -> log(e, e.testTimeSecond());
            case RunEnded e -> end(e);
        }
    }

    /**
     * Gives a cell's samples file, opened at its next RunStarted, float64 columns after the sample
     * table's: an imported file's aux channels (temperatures, aux voltages ...), named apart from
     * the table's columns. Their values come with each sample, {@link #sample(SampleRecorded, double[])}.
     */
    public void auxColumns(String cellId, List<Column> columns) {
        aux.put(cellId, List.copyOf(columns));
    }

    /** A sample, as {@link #on} records it, with the values of the cell's {@link #auxColumns} in their order. */
    public void sample(SampleRecorded e, double[] auxValues) {
        CellRecorder cell = recorder(e);
        try {
            cell.sample(e.sample(), auxValues);
        } catch (IOException x) {
            throw failure(e.cellId(), "samples", cell.samplesFile(), x);
        }
    }

    private static final double[] NO_AUX = new double[0];

    /** Writes every cell's buffered samples to its file now. */
    public void flush() {
        for (var entry : cells.entrySet()) {
            try {
                entry.getValue().flush();
            } catch (IOException x) {
                throw failure(entry.getKey(), "samples", entry.getValue().samplesFile(), x);
            }
        }
    }

    /**
     * Writes one cell's buffered samples to its file now; nothing when the cell has no open
     * files. A journal calls this before recording a position, so that the data on disk is
     * never behind the journal.
     */
    public void flush(String cellId) {
        CellRecorder recorder = cells.get(cellId);
        if (recorder == null) {
            return;
        }
        try {
            recorder.flush();
        } catch (IOException x) {
            throw failure(cellId, "samples", recorder.samplesFile(), x);
        }
    }

    private void start(RunStarted e) {
        String cellId = CellIds.requireValid(e.cellId());
        Path cellDirectory = RunLayout.cellDirectory(directory, cellId);
        CellRecorder previous = cells.remove(cellId);
        if (previous != null) { // RunStarted again without RunEnded: close the old files first
            finish(cellId, previous);
        }
        CellRecorder recorder;
        try {
            recorder = CellRecorder.open(cellDirectory, e, RunMetadata.forCell(info, e),
                    e.resumed() ? List.of() : aux.getOrDefault(cellId, List.of()), options, allocator);
        } catch (IOException x) {
            throw failure(cellId, "its files", cellDirectory, x);
        }
        shared.lock();
        try {
            if (closed) {
                finish(cellId, recorder);
                requireOpen();
            }
            cells.put(cellId, recorder);
            description.started(e);
            events.append(e, e.unixTimeSecond());
        } catch (IOException x) {
            throw failure(cellId, "the run description", description.file(), x);
        } finally {
            shared.unlock();
        }
    }

    private void end(RunEnded e) {
        CellRecorder recorder = cells.remove(e.cellId());
        // a cell that ended before it started has no files, and its end is dated as it is written
        double unixTime = recorder == null ? now.getAsDouble() : recorder.unixTimeOf(e.testTimeSecond());
        if (recorder != null) {
            finish(e.cellId(), recorder);
        }
        Path writing = directory.resolve(RunLayout.EVENTS); // the file a failure names
        shared.lock();
        try {
            requireOpen();
            events.append(e, unixTime);
            Optional<CellEntry> known = description.cell(e.cellId());
            if (known.isPresent()) {
                writing = description.file();
                description.ended(known.get(), e.outcome(), e.message(), e.testTimeSecond());
            }
        } catch (IOException x) {
            throw failure(e.cellId(), "the end of its run", writing, x);
        } finally {
            shared.unlock();
        }
    }

    /**
     * Records the end of a cell that ended while this directory could not take it (the disk
     * filled between the journal's record of the end and run.json's), as the journal has it:
     * in run.json, and in events.jsonl unless the line got there before the disk filled (then
     * run.json takes that line's message and time). Nothing when run.json already has it.
     *
     * @param unixTimeSecond when the cell ended, for events.jsonl
     * @return whether anything was recorded
     * @throws IOException run.json does not list the cell (it cannot describe it), or a write failed
     */
    public boolean recordEnd(RunEnded end, double unixTimeSecond) throws IOException {
        shared.lock();
        try {
            requireOpen();
            CellEntry entry = description.cell(end.cellId()).orElseThrow(() -> new IOException("cell " + end.cellId()
                    + " ended " + end.outcome() + " but " + description.file() + " does not list it"));
            if (entry.outcome().equals(Optional.of(end.outcome()))) {
                return false;
            }
            Optional<LoggedEvent.RunEnded> logged = EventLogReader.lastEnd(directory, end.cellId())
                    .filter(l -> l.outcome() == end.outcome());
            if (logged.isEmpty()) {
                events.append(end, unixTimeSecond);
            }
            description.ended(entry, end.outcome(), logged.map(LoggedEvent.RunEnded::message).orElse(end.message()),
                    logged.map(LoggedEvent.RunEnded::testTimeSecond).orElse(end.testTimeSecond()));
            return true;
        } finally {
            shared.unlock();
        }
    }

    private void finish(String cellId, CellRecorder recorder) {
        try {
            recorder.finish();
        } catch (IOException x) {
            throw failure(cellId, "the end of its data files", recorder.directory(), x);
        }
    }

    private void log(RunEvent e, double testTimeSecond) {
        CellRecorder recorder = cells.get(e.cellId());
        double unixTime = recorder == null ? Double.NaN : recorder.unixTimeOf(testTimeSecond);
        if (Double.isNaN(unixTime)) {
            // an event of no cell's test time (InfluxDB away, an operator's request, a cell that
            // has ended): dated when it is written, so every line of the log has a time
            unixTime = now.getAsDouble();
        }
        shared.lock();
        try {
            requireOpen();
            events.append(e, unixTime);
        } catch (IOException x) {
            throw failure(e.cellId(), "an event", directory.resolve(RunLayout.EVENTS), x);
        } finally {
            shared.unlock();
        }
    }

    private CellRecorder recorder(RunEvent e) {
        CellRecorder recorder = cells.get(e.cellId());
        if (recorder == null) {
            throw new IllegalStateException("cell " + e.cellId() + ": " + e.getClass().getSimpleName()
                    + " before its RunStarted (or after its RunEnded); the run directory has no open files for it");
        }
        return recorder;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the run directory sink for " + directory + " is closed");
        }
    }

    /**
     * Closes every cell still open (summarising its cycle in progress and writing its
     * end-of-stream markers), then the event log. Cells without a RunEnded keep no outcome in
     * run.json: the test did not end, it was interrupted.
     */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (String cellId : List.copyOf(cells.keySet())) {
            CellRecorder recorder = cells.remove(cellId);
            if (recorder != null) {
                try {
                    finish(cellId, recorder);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        shared.lock();
        try {
            if (!closed) {
                closed = true;
                events.close();
            }
        } catch (IOException x) {
            failures.add(failure("(all)", "the event log", directory.resolve(RunLayout.EVENTS), x));
        } finally {
            shared.unlock();
        }
        if (ownsAllocator) {
            try {
                allocator.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static RecordingFailure failure(String cellId, String what, Path where, IOException cause) {
        return new RecordingFailure(cellId, what, where, cause);
    }
}
