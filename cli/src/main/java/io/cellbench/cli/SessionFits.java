package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.impedance.FitPoints;
import io.cellbench.daq.impedance.SweepFits;
import io.cellbench.daq.influx.InfluxSink;
import io.cellbench.impedance.circuit.CircuitSyntaxException;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The impedance fits of a session (issue 16), when it names a circuit: every sweep is fitted on
 * the fits' own thread after the run's listener has recorded it, into the cells' fits.arrows and
 * drt.arrows and, with InfluxDB, its impedance_fits and impedance_drt_peaks measurements. Closed
 * after the runner (no more sweeps) and before the run directory (its notes still go there).
 */
final class SessionFits implements AutoCloseable {

    private final SweepFits fits;

    private SessionFits(SweepFits fits) {
        this.fits = fits;
    }

    /** The fits of {@code circuit} (null: none, and {@link #listener} adds nothing). */
    static SessionFits open(String circuit, Path runDirectory, ArrowWriteOptions options, BufferAllocator allocator,
                            RunListener notes, InfluxSink live) {
        if (circuit == null) {
            return new SessionFits(null);
        }
        SweepAnalysis analysis;
        try {
            analysis = new SweepAnalysis(FitRequest.of(circuit));
        } catch (CircuitSyntaxException e) {
            throw new UserError("--fit: " + e.getMessage());
        }
        List<SweepFits.Output> outputs = new ArrayList<>();
        if (live != null) {
            outputs.add(new FitPoints(live, analysis.circuit()));
        }
        return new SessionFits(new SweepFits(runDirectory, analysis, options, allocator, notes::on, outputs));
    }

    /** {@code listener}, then the fits. */
    RunListener listener(RunListener listener) {
        if (fits == null) {
            return listener;
        }
        return new RunListener() {
            @Override
            public void on(RunEvent event) {
                listener.on(event);
                fits.on(event);
            }

            @Override
            public void close() {
                listener.close();
            }
        };
    }

    @Override
    public void close() {
        if (fits != null) {
            fits.close();
        }
    }
}
