package io.cellbench.cli;

import io.cellbench.cli.format.OutputColumn;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.core.data.SpectrumField;
import java.util.List;

/**
 * The impedance points as {@code data eis} prints them. CSV and JSON use the column names of
 * spectra.arrows (BDF's impedance terms) (SI units, imaginary part as measured); the table shows Z' and Z'' with
 * the sweep's cycle and start time in hours.
 */
final class ImpedanceFields {
    private ImpedanceFields() {
    }

    static List<OutputColumn<ImpedanceRow>> forFormat(OutputFormat format) {
        if (format == OutputFormat.TABLE) {
            return List.of(
                    OutputColumn.of("cell", "cell", 0, ImpedanceRow::cellId),
                    OutputColumn.of(SpectrumField.SPECTRUM_INDEX.columnName(), "spectrum", 0, ImpedanceRow::spectrumIndex),
                    OutputColumn.of(SpectrumField.CYCLE_COUNT.columnName(), "cycle", 0, ImpedanceRow::cycleCount),
                    OutputColumn.of(SpectrumField.TEST_TIME.columnName(), "time h", 3, r -> r.testTimeSecond() / 3600),
                    OutputColumn.of(SpectrumField.FREQUENCY.columnName(), "f Hz", 3, r -> r.point().frequencyHz()),
                    OutputColumn.of(SpectrumField.Z_REAL.columnName(), "Z' Ohm", 3, r -> r.point().zRealOhm()),
                    OutputColumn.of(SpectrumField.Z_IMAG.columnName(), "Z'' Ohm", 3, r -> r.point().zImagOhm()),
                    OutputColumn.of(SpectrumField.Z_MOD.columnName(), "|Z| Ohm", 3, ImpedanceRow::modulusOhm),
                    OutputColumn.of(SpectrumField.Z_PHASE.columnName(), "phase deg", 2, ImpedanceRow::phaseDegree));
        }
        return List.of(
                OutputColumn.of("cell", "cell", 0, ImpedanceRow::cellId),
                OutputColumn.of(SpectrumField.SPECTRUM_INDEX.columnName(), "spectrum", 0, ImpedanceRow::spectrumIndex),
                OutputColumn.of(SpectrumField.POINT_INDEX.columnName(), "point", 0, ImpedanceRow::pointIndex),
                OutputColumn.of(SpectrumField.TEST_TIME.columnName(), "time s", 3, ImpedanceRow::testTimeSecond),
                OutputColumn.of(SpectrumField.UNIX_TIME.columnName(), "unix s", 3, ImpedanceRow::unixTimeSecond),
                OutputColumn.of(SpectrumField.CYCLE_COUNT.columnName(), "cycle", 0, ImpedanceRow::cycleCount),
                OutputColumn.of(SpectrumField.STEP_COUNT.columnName(), "step", 0, ImpedanceRow::stepCount),
                OutputColumn.of(SpectrumField.STEP_ID.columnName(), "step id", 0, ImpedanceRow::stepIndex),
                OutputColumn.of(SpectrumField.FREQUENCY.columnName(), "f Hz", 3, r -> r.point().frequencyHz()),
                OutputColumn.of(SpectrumField.Z_REAL.columnName(), "Z' Ohm", 3, r -> r.point().zRealOhm()),
                OutputColumn.of(SpectrumField.Z_IMAG.columnName(), "Z'' Ohm", 3, r -> r.point().zImagOhm()),
                OutputColumn.of(SpectrumField.Z_MOD.columnName(), "|Z| Ohm", 3, ImpedanceRow::modulusOhm),
                OutputColumn.of(SpectrumField.Z_PHASE.columnName(), "phase deg", 2, ImpedanceRow::phaseDegree),
                OutputColumn.of(SpectrumField.APPLIED_PRESSURE.columnName(), "p Pa", 0, ImpedanceRow::appliedPressurePa),
                OutputColumn.of(SpectrumField.AMBIENT_TEMPERATURE.columnName(), "T degC", 1, ImpedanceRow::ambientTemperatureCelsius));
    }
}
