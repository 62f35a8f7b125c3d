package io.cellbench.daq.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fits of a run take only the CPU the cells' threads leave: their thread is in Linux's
 * SCHED_IDLE class as the kernel reports it in /proc (Java's MIN_PRIORITY alone left it at
 * SCHED_OTHER, nice 0), no other thread is; nice 19 where SCHED_IDLE is refused; and where
 * neither can be set the fits still run and the run's events say so once.
 */
class FitsThreadSchedulingTest {

    @TempDir
    Path run;

    /** The kernel's id of the thread each fit was passed on from, as it read /proc/thread-self. */
    private static SweepFits.Output recordingThread(CompletableFuture<Long> tid) {
        return (cell, fit) -> {
            try {
                tid.complete(Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                        .toString()));
            } catch (IOException e) {
                tid.completeExceptionally(e);
            }
        };
    }

    @Test
    void theFitsThreadOfARunIsSchedIdleAndNoOtherThreadIs() throws Exception {
        CompletableFuture<Long> tid = new CompletableFuture<>();
        List<RunEvent.Notice> notes = new CopyOnWriteArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, notes::add, List.of(recordingThread(tid)));
            fits.on(SweepFitsTest.start("c1", 1_700_000_000, false));
            fits.on(new RunEvent.SpectrumMeasured("c1", SweepFitsTest.sweep(50, 100)));
            long worker = tid.get(2, TimeUnit.MINUTES);
            // read while the thread lives (close ends it)
            IdleScheduling.Scheduling s = IdleScheduling.read(worker);
            List<String> othersIdle = new java.util.ArrayList<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    long id = Long.parseLong(task.getFileName().toString());
                    try {
                        if (id != worker && IdleScheduling.read(id).policy() == IdleScheduling.SCHED_IDLE) {
                            othersIdle.add(Files.readString(task.resolve("comm")).trim() + " " + id);
                        }
                    } catch (java.nio.file.NoSuchFileException ended) {
                        // a thread that ended while the list was read
                    }
                }
            }
            fits.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
            fits.close();
            assertEquals(IdleScheduling.SCHED_IDLE, s.policy(), "fits thread " + worker + ": " + s);
            assertEquals(List.of(), othersIdle, "only the fits thread is SCHED_IDLE");
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void whereNeitherClassCanBeSetTheFitsStillRunAndTheEventsSaySoOnce() throws Exception {
        CompletableFuture<Long> tid = new CompletableFuture<>();
        List<RunEvent.Notice> notes = new CopyOnWriteArrayList<>();
        IdleScheduling missing = new IdleScheduling(List.of("/nonexistent/chrt", "--idle", "-p", "0"),
                List.of("/nonexistent/renice", "-n", "19", "-p"));
        try (RootAllocator allocator = new RootAllocator()) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, notes::add, List.of(recordingThread(tid)), missing);
            fits.on(SweepFitsTest.start("c1", 1_700_000_000, false));
            fits.on(new RunEvent.SpectrumMeasured("c1", SweepFitsTest.sweep(50, 100)));
            fits.on(new RunEvent.SpectrumMeasured("c1", SweepFitsTest.sweep(10, 200)));
            IdleScheduling.Scheduling s = IdleScheduling.read(tid.get(2, TimeUnit.MINUTES));
            fits.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
            fits.close();
            assertFalse(s.lowest(), s.toString());
        }
        assertEquals(1, notes.size(), notes.toString());
        RunEvent.Notice notice = notes.getFirst();
        assertEquals(RunEvent.Severity.INFO, notice.severity());
        assertTrue(notice.message().contains("/nonexistent/chrt could not be run")
                && notice.message().contains("/nonexistent/renice could not be run")
                && notice.message().contains("the fits still run"), notice.message());
        FitTables.Table table = FitTables.read(RunLayout.cellDirectory(run, "c1").resolve("fits.arrows"));
        assertEquals(List.of(1, 2), table.rows().stream().map(r -> r.get("spectrum_index")).toList());
    }

    /** A chrt that changes nothing (`true` exits 0): the kernel's word decides, and renice is next. */
    @Test
    void whereSchedIdleIsNotSetTheThreadGetsNice19() throws Exception {
        IdleScheduling noIdle = new IdleScheduling(List.of("true"), List.of("renice", "-n", "19", "-p"));
        CompletableFuture<IdleScheduling.Outcome> outcome = new CompletableFuture<>();
        CompletableFuture<IdleScheduling.Scheduling> after = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().name("lowered").start(() -> {
            try {
                outcome.complete(noIdle.lowerCurrentThread());
                after.complete(IdleScheduling.read(IdleScheduling.currentThreadId()));
            } catch (IOException e) {
                after.completeExceptionally(e);
            }
        });
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(new IdleScheduling.Outcome(true, "nice 19"), outcome.get(0, TimeUnit.SECONDS));
        assertEquals(IdleScheduling.LOWEST_NICE, after.get(0, TimeUnit.SECONDS).nice());
        assertNotEquals(IdleScheduling.SCHED_IDLE, after.get(0, TimeUnit.SECONDS).policy());
        // the test's own thread is untouched
        assertEquals(0, IdleScheduling.read(IdleScheduling.currentThreadId()).nice());
    }
}
