package io.cellbench.daq.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of a run with fits still queued: the fits thread runs in SCHED_IDLE, so on a busy
 * machine it would make the queued fits only when every other thread rests, while the run, over,
 * waits for them. So close makes them itself, on the closing thread, in order, after the worker's
 * sweep in hand.
 */
class SweepFitsCloseTest {

    @TempDir
    Path run;

    @Test
    void theQueuedFitsAreMadeOnTheClosingThreadAfterTheWorkersSweepInHand() throws Exception {
        Map<Integer, String> threadOfSweep = new ConcurrentHashMap<>();
        Thread[] closer = new Thread[1];
        CountDownLatch inHand = new CountDownLatch(1);
        SweepFits.Output recorder = (cellId, fit) -> {
            if (fit.spectrumIndex() == 1) {
                inHand.countDown();
                // the worker holds sweep 1 until close has taken the queue and waits for the worker
                while (closer[0] == null || closer[0].getState() != Thread.State.TIMED_WAITING) {
                    Thread.onSpinWait();
                }
            }
            threadOfSweep.put(fit.spectrumIndex(), Thread.currentThread().getName());
        };
        Spectrum one = SweepFitsTest.sweep(50, 100);
        try (RootAllocator allocator = new RootAllocator()) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of(recorder));
            fits.on(SweepFitsTest.start("c1", 1_700_000_000, false));
            for (int k = 0; k < 4; k++) {
                fits.on(new RunEvent.SpectrumMeasured("c1", one));
            }
            fits.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
            inHand.await(); // the worker is in sweep 1; 2, 3, 4 and the cell's end are queued
            closer[0] = new Thread(fits::close, "closer");
            closer[0].start();
            closer[0].join();
        }
        assertEquals(Map.of(1, "impedance-fits", 2, "closer", 3, "closer", 4, "closer"), threadOfSweep);
        FitTables.Table table = FitTables.read(RunLayout.cellDirectory(run, "c1").resolve("fits.arrows"));
        assertEquals(List.of(1, 2, 3, 4), table.rows().stream().map(r -> r.get("spectrum_index")).toList(),
                "every sweep in the cell's file, in order");
    }
}
