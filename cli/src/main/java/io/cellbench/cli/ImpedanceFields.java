package io.cellbench.cli;

import io.cellbench.cli.format.Column;
import io.cellbench.cli.format.OutputFormat;
import java.util.List;

/**
 * The impedance points as {@code data eis} prints them. CSV and JSON use the column names of
 * spectra.arrows (SI units, imaginary part as measured); the table shows Z' and Z'' with
 * the sweep's cycle and start time in hours.
 */
final class ImpedanceFields {
    private ImpedanceFields() {
    }

    static List<Column<ImpedanceRow>> forFormat(OutputFormat format) {
        if (format == OutputFormat.TABLE) {
            return List.of(
                    Column.of("cell", "cell", 0, ImpedanceRow::cellId),
                    Column.of("spectrum_index", "spectrum", 0, ImpedanceRow::spectrumIndex),
                    Column.of("cycle_count", "cycle", 0, ImpedanceRow::cycleCount),
                    Column.of("test_time_second", "time h", 3, r -> r.testTimeSecond() / 3600),
                    Column.of("frequency_hz", "f Hz", 3, r -> r.point().frequencyHz()),
                    Column.of("z_real_ohm", "Z' Ohm", 3, r -> r.point().zRealOhm()),
                    Column.of("z_imag_ohm", "Z'' Ohm", 3, r -> r.point().zImagOhm()),
                    Column.of("z_mod_ohm", "|Z| Ohm", 3, ImpedanceRow::modulusOhm),
                    Column.of("z_phase_degree", "phase deg", 2, ImpedanceRow::phaseDegree));
        }
        return List.of(
                Column.of("cell", "cell", 0, ImpedanceRow::cellId),
                Column.of("spectrum_index", "spectrum", 0, ImpedanceRow::spectrumIndex),
                Column.of("point_index", "point", 0, ImpedanceRow::pointIndex),
                Column.of("test_time_second", "time s", 3, ImpedanceRow::testTimeSecond),
                Column.of("unix_time_second", "unix s", 3, ImpedanceRow::unixTimeSecond),
                Column.of("cycle_count", "cycle", 0, ImpedanceRow::cycleCount),
                Column.of("step_count", "step", 0, ImpedanceRow::stepCount),
                Column.of("step_index", "step index", 0, ImpedanceRow::stepIndex),
                Column.of("frequency_hz", "f Hz", 3, r -> r.point().frequencyHz()),
                Column.of("z_real_ohm", "Z' Ohm", 3, r -> r.point().zRealOhm()),
                Column.of("z_imag_ohm", "Z'' Ohm", 3, r -> r.point().zImagOhm()),
                Column.of("z_mod_ohm", "|Z| Ohm", 3, ImpedanceRow::modulusOhm),
                Column.of("z_phase_degree", "phase deg", 2, ImpedanceRow::phaseDegree),
                Column.of("applied_pressure_pa", "p Pa", 0, ImpedanceRow::appliedPressurePa),
                Column.of("ambient_temperature_celsius", "T degC", 1, ImpedanceRow::ambientTemperatureCelsius));
    }
}
