package io.cellbench.cli;

import io.cellbench.cli.format.OutputColumn;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.core.data.DataColumn;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.table.DrtField;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitColumns;
import io.cellbench.impedance.table.FitField;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.ParameterColumn;
import io.cellbench.impedance.table.SweepField;
import io.cellbench.impedance.table.SweepRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns {@code data eis --fit/--kk/--drt} prints. CSV and JSON carry every column of the
 * tables the run directory stores (fits.arrows, drt.arrows: SI units, one column per parameter
 * and its σ); the table shows what a person reads: each parameter as value ± σ, the residual and
 * the Lin-KK verdict in %.
 */
final class AnalysisFields {

    /** A row of an analysis table with the cell it belongs to. */
    record CellRow<R>(String cellId, R row) {
    }

    private AnalysisFields() {
    }

    static List<OutputColumn<CellRow<FitRow>>> fit(OutputFormat format, Circuit circuit) {
        if (format != OutputFormat.TABLE) {
            return all(FitColumns.of(circuit));
        }
        List<OutputColumn<CellRow<FitRow>>> columns = new ArrayList<>(AnalysisFields.<FitRow>sweep());
        for (Circuit.Parameter p : circuit.parameters()) {
            String unit = ParameterColumn.asciiUnit(p.unit());
            columns.add(OutputColumn.of(p.name(), p.name() + ("1".equals(unit) ? "" : " " + unit), 0,
                    r -> plusMinus(r.row().fit().value(p.name()), r.row().fit().parameter(p.name()).standardError())));
        }
        columns.add(OutputColumn.of(FitField.FIT_RMS_RESIDUAL.columnName(), "rms %", 3, r -> 100 * r.row().fit().rmsRelativeResidual()));
        columns.add(OutputColumn.of("lin_kk", "Lin-KK", 0, r -> verdict(r.row())));
        columns.add(OutputColumn.of(FitField.TRUSTWORTHY.columnName(), "trust", 0, r -> r.row().fit().trustworthy() ? "yes" : "NO"));
        return columns;
    }

    static List<OutputColumn<CellRow<FitRow>>> validity(OutputFormat format) {
        if (format != OutputFormat.TABLE) {
            return all(FitColumns.validity());
        }
        List<OutputColumn<CellRow<FitRow>>> columns = new ArrayList<>(AnalysisFields.<FitRow>sweep());
        columns.add(OutputColumn.of(FitField.LIN_KK_ELEMENTS.columnName(), "M", 0, r -> r.row().validity().elements()));
        columns.add(OutputColumn.of(FitField.LIN_KK_MU.columnName(), "mu", 3, r -> r.row().validity().mu()));
        columns.add(OutputColumn.of(FitField.LIN_KK_MAX_RESIDUAL.columnName(), "max %", 2, r -> 100 * r.row().validity().maxResidual()));
        columns.add(OutputColumn.of(FitField.LIN_KK_RMS_RESIDUAL.columnName(), "rms %", 2, r -> 100 * r.row().validity().rmsResidual()));
        columns.add(OutputColumn.of(FitField.LIN_KK_PASSED.columnName(), "verdict", 0, r -> r.row().validity().passed() ? "valid" : "FAILED"));
        return columns;
    }

    static List<OutputColumn<CellRow<DrtRow>>> drtPeaks(OutputFormat format) {
        if (format != OutputFormat.TABLE) {
            return all(DrtField.peakColumns());
        }
        List<OutputColumn<CellRow<DrtRow>>> columns = new ArrayList<>(sweep());
        columns.addAll(List.of(
                OutputColumn.of(DrtField.PEAK_TAU.columnName(), "tau s", 0, r -> g(r.row().peak().tauSecond())),
                OutputColumn.of(DrtField.PEAK_FREQUENCY.columnName(), "f Hz", 0, r -> g(r.row().peak().frequencyHz())),
                OutputColumn.of(DrtField.PEAK_RESISTANCE.columnName(), "R Ohm", 0, r -> g(r.row().peak().resistanceOhm())),
                OutputColumn.of(DrtField.PEAK_GAMMA.columnName(), "gamma Ohm", 0, r -> g(r.row().peak().gammaOhm())),
                OutputColumn.of(DrtField.R_INFINITY.columnName(), "R_inf Ohm", 0, r -> g(r.row().drt().rInfinityOhm())),
                OutputColumn.of(DrtField.POLARISATION.columnName(), "R_pol Ohm", 0, r -> g(r.row().drt().polarisationOhm()))));
        return columns;
    }

    /** The table's first columns: the cell and where its sweep was taken. */
    private static <R extends SweepRow> List<OutputColumn<CellRow<R>>> sweep() {
        return List.of(
                OutputColumn.of("cell", "cell", 0, CellRow::cellId),
                OutputColumn.of(SweepField.SPECTRUM_INDEX.columnName(), "spectrum", 0, r -> r.row().spectrumIndex()),
                OutputColumn.of(SweepField.CYCLE_COUNT.columnName(), "cycle", 0, r -> r.row().spectrum().cycleCount()),
                OutputColumn.of(SweepField.APPLIED_PRESSURE.columnName(), "p MPa", 1,
                        r -> r.row().spectrum().appliedPressurePa() / 1e6));
    }

    /** The cell, then every column of a stored table, values as the file holds them. */
    private static <R> List<OutputColumn<CellRow<R>>> all(List<DataColumn<R>> table) {
        List<OutputColumn<CellRow<R>>> columns = new ArrayList<>();
        columns.add(OutputColumn.of("cell", "cell", 0, CellRow::cellId));
        for (DataColumn<R> c : table) {
            columns.add(OutputColumn.of(c.columnName(), c.label(), 6, r -> switch (c.kind()) {
                case INT32 -> c.integer(r.row());
                case FLOAT64 -> c.number(r.row());
            }));
        }
        return columns;
    }

    private static String verdict(FitRow row) {
        return String.format(Locale.ROOT, "%s %.2f %%", row.validity().passed() ? "valid" : "FAILED",
                100 * row.validity().maxResidual());
    }

    private static String plusMinus(double value, double sigma) {
        return g(value) + " +- " + g(sigma);
    }

    /** Four significant digits: the parameters span from nanofarads to kiloohms. */
    private static String g(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
