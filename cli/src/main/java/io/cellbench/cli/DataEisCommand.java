package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.impedance.fit.SolidStateCircuit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eis", mixinStandardHelpOptions = true,
        description = {"Print or write the impedance spectra of a run.",
            "Frequency, Z', Z'' (as measured, negative when capacitive), |Z|, phase, with the sweep's",
            "cycle, time and index."},
        footer = {"", "Examples:",
            "  cellbench data eis demo-run --cell coin-60MPa",
            "  cellbench data eis demo-run --cycles 1..1 --format csv > first-spectra.csv",
            "  cellbench data eis demo-run --cell pouch-1MPa --format arrow -o pouch.arrows",
            "  cellbench data eis --influx http://127.0.0.1:8086 --db lab --format json",
            "  cellbench data eis demo-run --fit                  (the bundled solid-state circuit)",
            "  cellbench data eis demo-run --fit 'R0-p(R1,CPE1)-W1' --format csv > fits.csv",
            "  cellbench data eis demo-run --kk                   (the Lin-KK test of every sweep)",
            "  cellbench data eis demo-run --drt --format json    (the DRT's peaks)"})
final class DataEisCommand implements Callable<Integer> {
    @Mixin
    DataInput input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or arrow (one cell, -o FILE) (default: ${DEFAULT-VALUE}).")
    DataFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the console.")
    Path output;

    @Option(names = "--fit", arity = "0..1", paramLabel = "CIRCUIT", fallbackValue = SolidStateCircuit.CIRCUIT,
            description = {"Fit an equivalent circuit to each sweep (impedance.py's notation; default, when the",
                "circuit is left out: ${FALLBACK-VALUE}): each parameter with its standard error, the",
                "residual and the Lin-KK verdict. See docs/impedance.md."})
    String fit;

    @Option(names = "--kk", description = "The Lin-KK validity test of each sweep: M, mu, residuals, verdict.")
    boolean kk;

    @Option(names = "--drt", description = "The distribution of relaxation times of each sweep: its peaks (tau, R).")
    boolean drt;

    @Override
    public Integer call() throws Exception {
        SweepAnalysisOutput.Kind analysis = analysis();
        if (analysis != null && (format == DataFormat.ARROW || format == DataFormat.BDF)) {
            throw new UserError("--fit, --kk and --drt print a table, csv or json; a run's own fits are in its "
                    + "cells' fits.arrows and drt.arrows");
        }
        if (format == DataFormat.BDF) {
            throw new UserError("the Battery Data Format has no impedance columns; use --format csv or arrow");
        }
        return input.write(this::write);
    }

    private List<String> write(DataSource data, DataFilter filter, BufferAllocator allocator) throws Exception {
        SweepAnalysisOutput.Kind analysis = analysis();
        if (analysis != null) {
            SweepAnalysisOutput.print(data, filter, format.console(), output, analysis, fit)
                    .forEach(w -> System.err.println("warning: " + w));
        } else if (format == DataFormat.ARROW) {
            DataOutput.arrowImpedance(data, filter, DataOutput.requireOutput(output, format, "an Arrow file"),
                    allocator);
        } else {
            DataOutput.printImpedance(data, filter, format.console(), output);
        }
        return List.of();
    }

    private SweepAnalysisOutput.Kind analysis() {
        int chosen = (fit != null ? 1 : 0) + (kk ? 1 : 0) + (drt ? 1 : 0);
        if (chosen > 1) {
            throw new UserError("--fit, --kk and --drt each print their own table: give one of them");
        }
        return fit != null ? SweepAnalysisOutput.Kind.FIT : kk ? SweepAnalysisOutput.Kind.VALIDITY
                : drt ? SweepAnalysisOutput.Kind.DRT : null;
    }
}
