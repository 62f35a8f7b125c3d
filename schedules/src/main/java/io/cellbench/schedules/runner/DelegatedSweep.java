package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.protocols.model.Step;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An impedance step between two programs of a delegated cell: the program before it has
 * ended (its channel rests at open circuit), so the sweep runs on the cell's analyzer, taking
 * its turn at a shared one, as a directly driven cell's impedance step does. A stop aborts the
 * sweep; a hold waits before it begins. No program runs, so the cycler's protection watches
 * nothing: the protocol's safety window is checked here, as a directly driven cell checks it on
 * the samples it takes before and after its sweep (the cell's voltage as the cycler reports it,
 * the fixture's pressure, the chamber's temperature). A reading outside it is a safety trip:
 * before the sweep, nothing is measured; after it, the spectrum is kept and no program follows.
 */
final class DelegatedSweep {
    private final DelegatedSetup setup;
    private final LiveStatus status;
    private final SafetyWindow window;
    private volatile boolean measuring;

    DelegatedSweep(DelegatedSetup setup, LiveStatus status) {
        this.setup = setup;
        this.status = status;
        this.window = new SafetyWindow(setup.protocol().limits());
    }

    /** A stop: a sweep in progress is aborted. */
    void abort() {
        EisAnalyzer analyzer = setup.eisAnalyzer();
        if (measuring && analyzer != null) {
            analyzer.abort();
        }
    }

    /**
     * Runs {@code eis} as {@code tally}'s next step (or, {@code continuing}, as its open step: a
     * resumed run whose sweep had begun), emitting the step's start, its spectrum and its end to
     * {@code out}.
     */
    void run(Step.Eis eis, boolean continuing, RecordTally tally, Consumer<RunEvent> out, BooleanSupplier stopped,
             BooleanSupplier held) throws RunEnd, InterruptedException {
        String id = setup.cell().id();
        if (!continuing) {
            tally.beginStep(eis, now(tally), out);
        }
        status.step(eis.text(), tally.openIndex(), tally.stepCount(), tally.cycleCount(),
                RunnerStatus.State.MEASURING_IMPEDANCE, 0, tally.testTime());
        while (held.getAsBoolean() && !stopped.getAsBoolean()) {
            status.state(RunnerStatus.State.PAUSED);
            Thread.sleep(50); // a hold before the sweep: nothing to sample, the channel rests
        }
        double[] before = checkLimits("; the impedance sweep was not started");
        SharedWait turn = setup.coordination().analyzerQueue() == null ? null
                : setup.coordination().analyzerQueue().place(id);
        List<ImpedancePoint> points;
        double start;
        try {
            if (turn != null) {
                turn.join();
                status.waiting(turn.describe(), RunnerStatus.State.MEASURING_IMPEDANCE);
                while (!turn.ready()) {
                    if (stopped.getAsBoolean()) {
                        throw new RunEnd(Outcome.STOPPED, "stopped by the operator");
                    }
                    turn.await(50_000_000L);
                }
                status.waiting(null, RunnerStatus.State.MEASURING_IMPEDANCE);
            }
            if (stopped.getAsBoolean()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator");
            }
            start = setup.clock().nowUnixSeconds();
            measuring = true;
            points = setup.eisAnalyzer().measure(setup.muxChannel(), request(eis));
        } catch (RuntimeException e) {
            if (stopped.getAsBoolean()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator during an impedance sweep");
            }
            throw e;
        } finally {
            measuring = false;
            if (turn != null) {
                turn.leave();
            }
        }
        double t = Math.max(start - tally.runStart(), tally.testTime());
        out.accept(new RunEvent.SpectrumMeasured(id, new Spectrum(t, tally.runStart() + t, tally.cycleCount(),
                tally.stepCount(), tally.openIndex(), before[0], before[1], points)));
        checkLimits("; no program was started after the impedance sweep");
        tally.endStep(now(tally), "complete", out);
        status.state(RunnerStatus.State.RUNNING);
    }

    /**
     * Ends the run in a safety trip when the cell reads outside the protocol's window; a value
     * that cannot be read (the cycler or an instrument not answering) is not checked, as NaN is
     * not for a directly driven cell. Between programs the channel sources nothing and the
     * sweep is not running: the cell is already in its safe state. Returns the fixture's
     * pressure (Pa) and the chamber's temperature (°C) it read (NaN for none): the spectrum
     * carries those read before its sweep, as a directly driven cell's does.
     */
    private double[] checkLimits(String consequence) throws RunEnd {
        double volt = Double.NaN;
        try {
            volt = setup.program().channel().status().voltageVolt();
        } catch (InstrumentException e) {
            // the cycler's own following says when it does not answer; here it only goes unchecked
        }
        double pascal = Double.NaN;
        double celsius = Double.NaN;
        try {
            pascal = setup.pressureFixture() == null ? Double.NaN : setup.pressureFixture().readPressurePa();
        } catch (InstrumentException e) {
            // unchecked, as above
        }
        try {
            celsius = setup.chamber() == null ? Double.NaN : setup.chamber().readTemperatureCelsius();
        } catch (InstrumentException e) {
            // unchecked, as above
        }
        String violation = window.violation(volt, Double.NaN, Double.NaN, celsius, pascal);
        if (violation != null) {
            throw new RunEnd(Outcome.SAFETY_TRIP, violation + consequence + " on " + setup.program().channel().name());
        }
        return new double[] {pascal, celsius};
    }

    private double now(RecordTally tally) {
        return Math.max(tally.testTime(), setup.clock().nowUnixSeconds() - tally.runStart());
    }

    static EisRequest request(Step.Eis eis) {
        return new EisRequest(eis.mode() == Step.EisMode.POTENTIOSTATIC
                ? EisRequest.Mode.POTENTIOSTATIC : EisRequest.Mode.GALVANOSTATIC,
                eis.startHz(), eis.endHz(), eis.pointsPerDecade(), eis.amplitude());
    }
}
