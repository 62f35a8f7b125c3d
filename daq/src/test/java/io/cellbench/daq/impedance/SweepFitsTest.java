package io.cellbench.daq.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.daq.arrow.ArrowSpectrumWriter;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedEisAnalyzer;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fits a run makes as its sweeps arrive: the simulated solid-state cell measured through the
 * simulated analyser (1 MHz → 0.1 Hz, 71 points) at three pressures, fitted with the bundled
 * circuit into fits.arrows and drt.arrows; a sweep that cannot be fitted is a note; a fit that
 * takes long never holds up the events.
 */
class SweepFitsTest {
    private static final EisRequest SWEEP = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 1e6, 0.1, 10, 0.01);
    /** R_int of the simulated coin cell at 10, 50 and 100 MPa (docs/impedance.md, the model's values). */
    private static final double[] PRESSURE_MPA = {10, 50, 100};
    private static final double[] R_INT_OHM = {120.6, 50.93, 39.82};

    @TempDir
    Path run;

    static Spectrum sweep(double pressureMpa, double testTime) {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.completeFormation();
        cell.restAt(0.5);
        cell.setPressurePa(pressureMpa * 1e6);
        SimulatedEisAnalyzer eis = new SimulatedEisAnalyzer("eis", new VirtualClock(1_700_000_000), Map.of(0, cell));
        List<ImpedancePoint> points = eis.measure(0, SWEEP);
        return new Spectrum(testTime, 1_700_000_000 + testTime, 1, 3, 3, pressureMpa * 1e6, 25, points);
    }

    static RunEvent.RunStarted start(String cell, double unix, boolean resumed) {
        return new RunEvent.RunStarted(cell, unix, new CellInfo(cell, "coin", "NMC811 | Li6PS5Cl | Li-In", 0.002,
                Double.NaN, Double.NaN, ""), "p", "", resumed);
    }

    @Test
    void everySweepIsFittedIntoTheCellsFiles() throws Exception {
        List<RunEvent.Notice> notes = new CopyOnWriteArrayList<>();
        List<FitRow> passedOn = new CopyOnWriteArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, notes::add, List.of((cell, fit) -> passedOn.add(fit)));
            fits.on(start("c1", 1_700_000_000, false));
            for (int k = 0; k < PRESSURE_MPA.length; k++) {
                fits.on(new RunEvent.SpectrumMeasured("c1", sweep(PRESSURE_MPA[k], 1000 * (k + 1))));
            }
            // no points: spectra.arrows gives it no index either
            fits.on(new RunEvent.SpectrumMeasured("c1", new Spectrum(4000, 1_700_004_000, 1, 4, 4, 1e7, 25, List.of())));
            // too few points to analyse: a note, and the next sweep keeps its index
            fits.on(new RunEvent.SpectrumMeasured("c1", new Spectrum(5000, 1_700_005_000, 2, 5, 5, 1e7, 25,
                    sweep(50, 5000).points().subList(0, 2))));
            fits.on(new RunEvent.SpectrumMeasured("c1", sweep(50, 6000)));
            fits.on(new RunEvent.RunEnded("c1", 7000, RunEvent.Outcome.COMPLETED, ""));
            fits.close();
        }
        Path dir = RunLayout.cellDirectory(run, "c1");
        FitTables.Table table = FitTables.read(dir.resolve("fits.arrows"));
        assertEquals(SolidStateCircuit.CIRCUIT, table.metadata().get("circuit"));
        assertEquals("Ohm", table.units().get("R2"));
        assertEquals("Ohm", table.units().get("R2_sigma"));
        assertEquals(4, table.rows().size());
        assertEquals(List.of(1, 2, 3, 5), table.rows().stream().map(r -> r.get("spectrum_index")).toList());
        for (int k = 0; k < PRESSURE_MPA.length; k++) {
            double r2 = table.number(k, "R2");
            assertEquals(R_INT_OHM[k], r2, 0.02 * R_INT_OHM[k], "R_int at " + PRESSURE_MPA[k] + " MPa");
            double sigma = table.number(k, "R2_sigma");
            assertTrue(sigma > 0 && sigma < 0.02 * r2, "σ(R2) = " + sigma);
            assertEquals(PRESSURE_MPA[k] * 1e6, table.number(k, "applied_pressure_pa"));
            assertEquals(1, table.rows().get(k).get("lin_kk_passed"), table.rows().get(k).toString());
            assertEquals(1, table.rows().get(k).get("fit_trustworthy"));
            assertTrue(table.number(k, "fit_rms_residual") < 0.004, table.rows().get(k).toString());
        }
        assertEquals(4, passedOn.size());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().message().contains("spectrum 4") && notes.getFirst().message().contains("3 points"),
                notes.getFirst().message());
        assertEquals(RunEvent.Severity.INFO, notes.getFirst().severity());

        FitTables.Table drt = FitTables.read(dir.resolve("drt.arrows"));
        long sweeps = drt.rows().stream().map(r -> r.get("spectrum_index")).distinct().count();
        assertEquals(4, sweeps);
        // the 50 MPa sweep: the interface peak near 1 ms carries R_int
        List<Map<String, Object>> peaks = drt.rows().stream()
                .filter(r -> r.get("spectrum_index").equals(2) && r.get("peak_resistance_ohm") != null).toList();
        assertTrue(peaks.stream().anyMatch(p -> Math.abs((Double) p.get("peak_resistance_ohm") - 52) < 5
                && (Double) p.get("peak_tau_second") > 1e-4 && (Double) p.get("peak_tau_second") < 1e-2), peaks.toString());
    }

    /**
     * A cell's fits and DRTs are forced to disk once, when the cell ends, not with every sweep
     * (two forces a sweep competed with the cell's own on the disk and doubled the time a run's
     * queued fits kept it waiting at its end). They are made again from spectra.arrows, which is
     * forced with every sweep: after a power cut, resume fits the sweeps whose fits were lost.
     */
    @Test
    void theFitFilesAreForcedWhenTheCellEndsNotWithEverySweep() throws Exception {
        List<java.nio.file.Path> forced;
        try (RootAllocator allocator = new RootAllocator()) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of());
            Spectrum one = sweep(50, 100);
            forced = FileForces.during(() -> {
                fits.on(start("c1", 1_700_000_000, false));
                for (int k = 0; k < 6; k++) {
                    fits.on(new RunEvent.SpectrumMeasured("c1", one));
                }
                fits.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
                fits.close();
            });
        }
        assertEquals(1, FileForces.of(forced, "fits.arrows"), forced.toString());
        assertEquals(1, FileForces.of(forced, "drt.arrows"), forced.toString());
        FitTables.Table table = FitTables.read(RunLayout.cellDirectory(run, "c1").resolve("fits.arrows"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), table.rows().stream().map(r -> r.get("spectrum_index")).toList());
    }

    @Test
    void aSlowFitNeverHoldsUpTheRunsEvents() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> fitted = new CopyOnWriteArrayList<>();
        SweepFits.Output slow = new SweepFits.Output() {
            @Override
            public void fitted(String cellId, FitRow fit) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fitted.add(fit.spectrumIndex());
            }

            @Override
            public void drt(String cellId, List<DrtRow> drt) {
            }
        };
        Spectrum one = sweep(50, 100);
        try (RootAllocator allocator = new RootAllocator()) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of(slow));
            // hang guard only: were the fits made on the caller's thread, this would never return
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                fits.on(start("c1", 1_700_000_000, false));
                for (int k = 0; k < 5; k++) {
                    fits.on(new RunEvent.SpectrumMeasured("c1", one));
                }
                fits.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
            });
            assertTrue(fitted.isEmpty(), "the first fit is still held: " + fitted);
            release.countDown();
            fits.close();
        }
        assertEquals(List.of(1, 2, 3, 4, 5), fitted);
    }

    @Test
    void aResumedCellFitsWhatItsKilledProcessLeftUnfittedThenNumbersOn() throws Exception {
        Path dir = RunLayout.cellDirectory(run, "c1");
        Files.createDirectories(dir);
        Spectrum[] recorded = {sweep(10, 100), sweep(50, 200), sweep(100, 300)};
        try (RootAllocator allocator = new RootAllocator()) {
            try (ArrowSpectrumWriter before = ArrowSpectrumWriter.create(dir.resolve("spectra.arrows"), Map.of(),
                    ArrowWriteOptions.DEFAULTS, allocator, 1)) {
                for (Spectrum s : recorded) {
                    before.write(s);
                }
            }
            // the killed process fitted the first sweep only; the other two were still queued
            SweepFits killed = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of());
            killed.on(start("c1", 1_700_000_000, false));
            killed.on(new RunEvent.SpectrumMeasured("c1", recorded[0]));
            killed.close();

            SweepFits resumed = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of());
            resumed.on(start("c1", 1_700_000_000 + 400, true));
            resumed.on(new RunEvent.SpectrumMeasured("c1", sweep(50, 500)));
            resumed.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
            resumed.close();

            List<FittedSweep> fitted = FitReader.read(run, "c1", allocator, new java.util.ArrayList<>());
            assertEquals(List.of(1, 2, 3, 4), fitted.stream().map(FittedSweep::spectrumIndex).toList());
            SweepAnalysis analysis = new SweepAnalysis(SolidStateCircuit.request());
            for (int k = 0; k < recorded.length; k++) {
                assertEquals(analysis.fit(k + 1, recorded[k]).fit().value("R2"), fitted.get(k).value("R2"), 0,
                        "sweep " + (k + 1) + " as data eis --fit would fit it");
            }
        }
        // the resumed process's segment holds the two it caught up on, then its own
        FitTables.Table table = FitTables.read(dir.resolve("fits-0001.arrows"));
        assertEquals(List.of(2, 3, 4), table.rows().stream().map(r -> r.get("spectrum_index")).toList());
    }

    @Test
    void aResumedCellNumbersItsSweepsOnFromTheRecordedOnes() throws Exception {
        Path dir = RunLayout.cellDirectory(run, "c1");
        Files.createDirectories(dir);
        try (RootAllocator allocator = new RootAllocator()) {
            try (ArrowSpectrumWriter before = ArrowSpectrumWriter.create(dir.resolve("spectra.arrows"), Map.of(),
                    ArrowWriteOptions.DEFAULTS, allocator, 1)) {
                before.write(sweep(50, 100));
                before.write(sweep(50, 200));
            }
            SweepFits fits = new SweepFits(run, new SweepAnalysis(SolidStateCircuit.request()),
                    ArrowWriteOptions.DEFAULTS, allocator, n -> { }, List.of());
            fits.on(start("c1", 1_700_000_000 + 300, true));
            fits.on(new RunEvent.SpectrumMeasured("c1", sweep(50, 400)));
            fits.on(new RunEvent.RunEnded("c1", 1000, RunEvent.Outcome.COMPLETED, ""));
            fits.close();
        }
        // the two sweeps recorded before the resume had no fits file: they are fitted first
        FitTables.Table table = FitTables.read(dir.resolve("fits.arrows"));
        assertEquals(List.of(1, 2, 3), table.rows().stream().map(r -> r.get("spectrum_index")).toList());
        assertFalse(Files.exists(dir.resolve("fits-0001.arrows")));
    }
}
