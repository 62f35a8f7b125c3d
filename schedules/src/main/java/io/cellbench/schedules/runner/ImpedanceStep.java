package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.protocols.model.Step;
import java.util.List;

/**
 * An impedance step: the channel at open circuit, a turn at a shared analyzer, the sweep (which
 * a hold aborts and which starts again after the pause, and a stop aborts), and the spectrum.
 * Part of the runner's interpreter ({@link ProtocolRunner}); {@link #abortForHold} and
 * {@link #abortForStop} may come from any thread.
 */
final class ImpedanceStep extends StepKind {
    private final SharedWaiting waiting;
    private volatile boolean measuringImpedance;
    /** A hold aborted the sweep in progress: its result, if any, is incomplete. */
    private volatile boolean sweepAbortedByHold;
    /** When the last sweep began (unix s): a spectrum is stamped with the start of the sweep that made it. */
    private double sweepStart;

    ImpedanceStep(Parts parts, SharedWaiting waiting) {
        super(parts);
        this.waiting = waiting;
    }

    /** A new hold: a sweep in progress is aborted, and measured again after the pause. */
    void abortForHold() {
        EisAnalyzer analyzer = setup.eisAnalyzer();
        if (measuringImpedance && analyzer != null) {
            sweepAbortedByHold = true;
            analyzer.abort();
        }
    }

    /** A stop: a sweep in progress is aborted. */
    void abortForStop() {
        EisAnalyzer analyzer = setup.eisAnalyzer();
        if (measuringImpedance && analyzer != null) {
            analyzer.abort();
        }
    }

    void run(Step.Eis eis, RunPosition resumeFrom) throws RunEnd, InterruptedException {
        RunPosition from = runner.beginStep(eis, null, RunnerStatus.State.RUNNING, false, resumeFrom);
        runner.apply(ProtocolRunner.OPEN_CIRCUIT);
        if (from != null && from.phase() == RunPosition.Phase.MEASURED) {
            // The spectrum reached the data before the process died: only the step's end is left.
            runner.endStep("complete");
            return;
        }
        sampler.next(Double.POSITIVE_INFINITY);
        sampler.log(true);
        sampler.readAuxiliaries(readings.time());
        EisRequest request = new EisRequest(eis.mode() == Step.EisMode.POTENTIOSTATIC
                ? EisRequest.Mode.POTENTIOSTATIC : EisRequest.Mode.GALVANOSTATIC,
                eis.startHz(), eis.endHz(), eis.pointsPerDecade(), eis.amplitude());
        List<ImpedancePoint> points = sweep(request);
        double sweepStart = this.sweepStart;
        runner.emit(new RunEvent.SpectrumMeasured(cell.id(), new Spectrum(grid.testTime(sweepStart), sweepStart,
                counters.cycleCount(), counters.stepCount(), numbering.indexOf(eis), readings.pressurePa(),
                readings.ambientCelsius(), points)));
        runner.journal(RunPosition.Phase.MEASURED, grid.now());
        status.state(RunnerStatus.State.RUNNING);
        sampler.next(Double.POSITIVE_INFINITY);
        sampler.log(true);
        runner.endStep("complete");
    }

    /**
     * Runs the sweep; a hold during it aborts it, and once the pause is over the sweep
     * starts again from its first frequency (a spectrum with a gap is no spectrum).
     */
    private List<ImpedancePoint> sweep(EisRequest request) throws RunEnd, InterruptedException {
        AnalyzerQueue queue = setup.coordination().analyzerQueue();
        while (true) {
            SharedWait turn = queue == null ? null : queue.place(cell.id());
            List<ImpedancePoint> points;
            try {
                if (turn != null) {
                    waiting.waitFor(turn);
                }
                points = sweepOnce(request);
            } finally {
                if (turn != null) {
                    turn.leave();
                }
            }
            if (points != null) {
                return points;
            }
            runner.emit(new RunEvent.Notice(cell.id(), grid.testTime(grid.now()), Severity.INFO,
                    "the impedance sweep was interrupted by a hold; it starts again after the pause"));
            status.state(RunnerStatus.State.RUNNING);
            sampler.pauseIfHeld();
        }
    }

    /** One sweep; {@code null} when a hold kept it from starting or aborted it. */
    private List<ImpedancePoint> sweepOnce(EisRequest request) throws RunEnd {
        status.state(RunnerStatus.State.MEASURING_IMPEDANCE);
        sweepAbortedByHold = false;
        sweepStart = grid.now();
        measuringImpedance = true;
        try {
            if (sampler.stopRequested()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator");
            }
            // Checked after measuringImpedance is set: a hold either sees the sweep and
            // aborts it, or is seen here.
            if (holds.held()) {
                return null;
            }
            List<ImpedancePoint> points = setup.eisAnalyzer().measure(setup.muxChannel(), request);
            return sweepAbortedByHold ? null : points;
        } catch (RuntimeException e) {
            if (sampler.stopRequested()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator during an impedance sweep");
            }
            if (sweepAbortedByHold) {
                return null;
            }
            throw e;
        } finally {
            measuringImpedance = false;
        }
    }
}
