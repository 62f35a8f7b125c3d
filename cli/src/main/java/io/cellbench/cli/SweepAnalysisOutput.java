package io.cellbench.cli;

import io.cellbench.cli.AnalysisFields.CellRow;
import io.cellbench.cli.format.OutputColumn;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.cli.format.TablePrinter;
import io.cellbench.core.UserError;
import io.cellbench.core.data.Spectrum;
import io.cellbench.impedance.circuit.CircuitSyntaxException;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code data eis --fit/--kk/--drt}: each recorded sweep analysed as it is read, one row per
 * sweep (fit, Lin-KK) or per DRT peak. A sweep that cannot be analysed is a warning naming the
 * cell and the sweep, and the others still print.
 */
final class SweepAnalysisOutput {

    /** What to compute for each sweep. */
    enum Kind { FIT, VALIDITY, DRT }

    private final List<String> warnings = new ArrayList<>();

    private SweepAnalysisOutput() {
    }

    /** Prints the analysis of every sweep the filter keeps; returns the sweeps that could not be analysed. */
    static List<String> print(DataSource source, DataFilter filter, OutputFormat format, Path file, Kind kind,
                              String circuit) throws IOException {
        SweepAnalysisOutput output = new SweepAnalysisOutput();
        try (DataOutput.Destination out = DataOutput.Destination.of(file)) {
            switch (kind) {
                case FIT -> {
                    SweepAnalysis analysis = analysis(circuit);
                    output.stream(source, filter, out, AnalysisFields.fit(format, analysis.circuit()), format,
                            (cell, index, s) -> List.of(new CellRow<>(cell, analysis.fit(index, s))));
                }
                case VALIDITY -> output.stream(source, filter, out, AnalysisFields.validity(format), format,
                        (cell, index, s) -> List.of(new CellRow<>(cell, SweepAnalysis.validate(index, s))));
                case DRT -> output.<DrtRow>stream(source, filter, out, AnalysisFields.drtPeaks(format), format,
                        (cell, index, s) -> SweepAnalysis.drt(index, s).stream().filter(r -> r.peak() != null)
                                .map(r -> new CellRow<>(cell, r)).toList());
            }
            out.check();
        }
        return output.warnings;
    }

    private static SweepAnalysis analysis(String circuit) {
        try {
            return new SweepAnalysis(FitRequest.of(circuit));
        } catch (CircuitSyntaxException e) {
            throw new UserError("--fit: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Analyse<R> {
        List<CellRow<R>> rows(String cellId, int spectrumIndex, Spectrum spectrum);
    }

    private <R> void stream(DataSource source, DataFilter filter, DataOutput.Destination out,
                            List<OutputColumn<CellRow<R>>> columns, OutputFormat format, Analyse<R> analyse)
            throws IOException {
        TablePrinter.ConsoleRows<CellRow<R>> rows = new TablePrinter<>(columns).open(format, out.stream());
        SweepCollector sweeps = new SweepCollector((cell, index, spectrum) -> {
            List<CellRow<R>> analysed;
            try {
                analysed = analyse.rows(cell, index, spectrum);
            } catch (RuntimeException e) {
                // one bad sweep (a broken point, a fit that cannot start) must not hide the others
                warnings.add(String.format(Locale.ROOT, "%s spectrum %d (cycle %d): not analysed: %s", cell, index,
                        spectrum.cycleCount(), e.getMessage()));
                return;
            }
            for (CellRow<R> r : analysed) {
                rows.write(r);
            }
        });
        source.impedance(filter, sweeps);
        sweeps.finish();
        rows.close();
    }
}
