package io.cellbench.daq.impedance;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Fits every impedance sweep of a run as it is measured (issue 16): the circuit fit with its
 * Lin-KK verdict and the DRT, into each cell's {@code fits.arrows} and {@code drt.arrows} and to
 * whoever else listens ({@link Output}: InfluxDB); when a cell ends, its cycle files get each
 * cycle's fitted R_bulk, R_gb and R_int ({@link FittedCycles}).
 *
 * <p>Off the sampling path: {@link #on} only hands the sweep to one worker thread and returns, so
 * a slow or failing fit never delays or loses a sample. The worker runs in Linux's SCHED_IDLE
 * class ({@link IdleScheduling}): the cells' threads come first, and the fits take what CPU
 * they leave; where it cannot be set, the run's events say so once. A sweep that cannot be
 * analysed, or a fits file that cannot be written, is a note in the run's events, never a fault.
 * Sweeps are numbered as spectra.arrows numbers them (a resumed cell counts on from the sweeps
 * recorded before the resume).
 */
public final class SweepFits implements RunListener {

    /** Receives each analysed sweep on the worker thread; must not block for long. */
    public interface Output {
        void fitted(String cellId, FitRow fit);

        default void drt(String cellId, List<DrtRow> drt) {
        }
    }

    /** At close, the queued sweeps are given up when none has finished for this long. */
    private static final long STALL_SECONDS = 120;
    /** Sweeps handed to the worker and sweeps it finished: close waits while the second still grows. */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

    private final Path runDirectory;
    private final SweepAnalysis analysis;
    private final ArrowWriteOptions options;
    private final BufferAllocator allocator;
    private final Consumer<RunEvent.Notice> notes;
    private final List<Output> outputs;
    /** The sweeps (and cell starts and ends) handed to the worker and not yet begun, in order. */
    private final LinkedBlockingQueue<Runnable> pending = new LinkedBlockingQueue<>();
    private final ThreadPoolExecutor worker;
    /** Touched by the worker thread only, and after it ended by the closing thread. */
    private final Map<String, CellFits> cells = new HashMap<>();

    /**
     * @param notes where a failed fit is reported (the run's events); called on the worker thread
     */
    public SweepFits(Path runDirectory, SweepAnalysis analysis, ArrowWriteOptions options, BufferAllocator allocator,
                     Consumer<RunEvent.Notice> notes, List<Output> outputs) {
        this(runDirectory, analysis, options, allocator, notes, outputs, IdleScheduling.LINUX);
    }

    /** @param scheduling how the worker lowers itself (tests give one that cannot) */
    SweepFits(Path runDirectory, SweepAnalysis analysis, ArrowWriteOptions options, BufferAllocator allocator,
              Consumer<RunEvent.Notice> notes, List<Output> outputs, IdleScheduling scheduling) {
        this.runDirectory = runDirectory;
        this.analysis = analysis;
        this.options = options;
        this.allocator = allocator;
        this.notes = notes;
        this.outputs = List.copyOf(outputs);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, pending, r -> {
            Thread t = new Thread(() -> {
                lower(scheduling);
                r.run();
            }, "impedance-fits");
            t.setDaemon(true);
            // what other systems honour; Linux ignores it (lower() is what counts there)
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    @Override
    public void on(RunEvent event) {
        switch (event) {
            case RunEvent.RunStarted s -> worker.execute(() -> {
                CellFits cell = open(s);
                cells.put(s.cellId(), cell);
                // a resumed cell: the sweeps its killed process recorded but never fitted come first
                cell.unfitted().forEach((index, spectrum) -> analyse(s.cellId(), index, spectrum));
            });
            case RunEvent.SpectrumMeasured m when !m.spectrum().points().isEmpty() -> {
                queued.incrementAndGet();
                worker.execute(() -> {
                    try {
                        analyse(m.cellId(), m.spectrum());
                    } finally {
                        done.incrementAndGet();
                    }
                });
            }
            case RunEvent.RunEnded e -> worker.execute(() -> {
                CellFits cell = cells.remove(e.cellId());
                if (cell != null) {
                    cell.close();
                    resistancesIntoCycles(e.cellId());
                }
            });
            default -> {
            }
        }
    }

    /**
     * Finishes every sweep still queued, however many (a run at full virtual speed can leave
     * hundreds: each is a fit the run's records need), then closes every file. The worker only
     * finishes the sweep in hand; the queued ones are made here, on the closing thread, at the
     * run's own priority: in SCHED_IDLE they would wait behind every busy thread of the machine
     * while the run, already over, waits for them. Gives up only when the worker's sweep has not
     * finished for {@value #STALL_SECONDS} s (a fit that hangs), saying how many were not made
     * and how to make them.
     */
    @Override
    public void close() {
        List<Runnable> rest = new ArrayList<>();
        pending.drainTo(rest);
        worker.shutdown();
        if (awaitWorker()) {
            rest.forEach(Runnable::run); // in the order the run handed them over, after the worker's last
        } else {
            notes.accept(new RunEvent.Notice("", Double.NaN, RunEvent.Severity.WARNING,
                    (queued.get() - done.get()) + " impedance fits still queued were not made (none finished"
                            + " for " + STALL_SECONDS + " s); make them with: cellbench data eis RUN --fit"));
        }
        cells.values().forEach(CellFits::close);
        cells.clear();
    }

    /** Whether the worker finished its sweep in hand (false: it hung, or this thread was interrupted). */
    private boolean awaitWorker() {
        try {
            long seen = done.get();
            long lastProgress = System.nanoTime();
            while (!worker.awaitTermination(1, TimeUnit.SECONDS)) {
                long now = done.get();
                if (now != seen) {
                    seen = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                    worker.shutdownNow();
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
            return false;
        }
    }

    /** On the worker, before its first task: the cells' threads come first. */
    private void lower(IdleScheduling scheduling) {
        IdleScheduling.Outcome outcome = scheduling.lowerCurrentThread();
        if (!outcome.lowered()) {
            notes.accept(new RunEvent.Notice("", Double.NaN, RunEvent.Severity.INFO,
                    "impedance fits run at the cells' own priority (neither SCHED_IDLE nor nice 19 could be set: "
                            + outcome.how() + "); the fits still run"));
        }
    }

    /** Every sweep of the ended cell is fitted: its cycle files get their R_bulk, R_gb and R_int. */
    private void resistancesIntoCycles(String cellId) {
        String problem;
        try {
            problem = FittedCycles.fill(runDirectory, cellId, options, allocator);
        } catch (java.io.IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            notes.accept(new RunEvent.Notice(cellId, Double.NaN, RunEvent.Severity.WARNING,
                    "fitted resistances not written into cycles.arrows: " + problem
                            + "; data cycles shows them from fits.arrows"));
        }
    }

    private CellFits open(RunEvent.RunStarted start) {
        return CellFits.open(runDirectory, start, analysis.circuit(), options, allocator, notes);
    }

    private void analyse(String cellId, Spectrum spectrum) {
        CellFits cell = cells.get(cellId);
        if (cell == null) {
            return; // a sweep of a cell whose start was not seen: nothing to number it by
        }
        analyse(cellId, cell.nextIndex(), spectrum);
    }

    private void analyse(String cellId, int index, Spectrum spectrum) {
        CellFits cell = cells.get(cellId);
        FitRow fit;
        List<DrtRow> drt;
        try {
            fit = analysis.fit(index, spectrum);
            drt = SweepAnalysis.drt(index, spectrum);
        } catch (RuntimeException e) {
            notes.accept(new RunEvent.Notice(cellId, spectrum.testTimeSecond(), RunEvent.Severity.INFO,
                    String.format(Locale.ROOT, "impedance fit of spectrum %d (cycle %d) not made: %s", index,
                            spectrum.cycleCount(), e.getMessage())));
            return;
        }
        cell.write(fit, drt, notes);
        for (Output o : outputs) {
            try {
                o.fitted(cellId, fit);
                o.drt(cellId, drt);
            } catch (RuntimeException e) {
                notes.accept(new RunEvent.Notice(cellId, spectrum.testTimeSecond(), RunEvent.Severity.WARNING,
                        "impedance fit of spectrum " + index + " not passed on: " + e.getMessage()));
            }
        }
    }
}
