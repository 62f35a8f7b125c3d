package io.cellbench.impedance.table;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of {@code drt.arrows} (and of {@code data eis --drt}) after where the sweep was
 * taken ({@link SweepField}): one row per point of a sweep's τ grid (γ against τ), the peak
 * columns filled on the row nearest each peak (NaN elsewhere), and the sweep's R∞, L, R_pol and λ
 * repeated on every row.
 */
public enum DrtField implements DataColumn<DrtRow> {
    TAU(ColumnTerm.own("tau_second", "s", "Tau / s"), float64(DrtRow::tauSecond)),
    /** γ in Ω per unit of ln τ: its area under a peak is that process's resistance. */
    GAMMA(ColumnTerm.own("gamma_ohm", "Ohm", "Gamma / Ohm"), float64(DrtRow::gammaOhm)),
    PEAK_TAU(ColumnTerm.own("peak_tau_second", "s", "Peak Tau / s"), float64(r -> r.ofPeak(p -> p.tauSecond()))),
    PEAK_FREQUENCY(ColumnTerm.own("peak_frequency_hz", "Hz", "Peak Frequency / Hz"),
            float64(r -> r.ofPeak(p -> p.frequencyHz()))),
    PEAK_GAMMA(ColumnTerm.own("peak_gamma_ohm", "Ohm", "Peak Gamma / Ohm"), float64(r -> r.ofPeak(p -> p.gammaOhm()))),
    PEAK_RESISTANCE(ColumnTerm.own("peak_resistance_ohm", "Ohm", "Peak Resistance / Ohm"),
            float64(r -> r.ofPeak(p -> p.resistanceOhm()))),
    R_INFINITY(ColumnTerm.own("r_infinity_ohm", "Ohm", "R Infinity / Ohm"), float64(r -> r.drt().rInfinityOhm())),
    INDUCTANCE(ColumnTerm.own("inductance_henry", "H", "Inductance / H"), float64(r -> r.drt().inductanceHenry())),
    POLARISATION(ColumnTerm.own("polarisation_resistance_ohm", "Ohm", "Polarisation Resistance / Ohm"),
            float64(r -> r.drt().polarisationOhm())),
    LAMBDA(ColumnTerm.own("lambda", "1", "Lambda / 1"), float64(r -> r.drt().lambda())),
    DRT_RMS_RESIDUAL(ColumnTerm.own("drt_rms_residual", "1", "DRT RMS Residual / 1"),
            float64(r -> r.drt().rmsRelativeResidual()));

    private final Definition<DrtRow> definition;

    DrtField(ColumnTerm term, ColumnValue<DrtRow> value) {
        definition = new Definition<>(term, value);
    }

    @Override
    public Definition<DrtRow> definition() {
        return definition;
    }

    /** The columns of {@code drt.arrows}, in file order. */
    public static List<DataColumn<DrtRow>> columns() {
        List<DataColumn<DrtRow>> columns = new ArrayList<>(SweepField.<DrtRow>all());
        columns.addAll(Arrays.asList(values()));
        return List.copyOf(columns);
    }

    /** The columns of {@code data eis --drt}: where the sweep was taken, its peaks, R∞ and R_pol. */
    public static List<DataColumn<DrtRow>> peakColumns() {
        List<DataColumn<DrtRow>> columns = new ArrayList<>(SweepField.<DrtRow>all());
        columns.addAll(List.of(PEAK_TAU, PEAK_FREQUENCY, PEAK_GAMMA, PEAK_RESISTANCE, R_INFINITY, POLARISATION,
                LAMBDA, DRT_RMS_RESIDUAL));
        return List.copyOf(columns);
    }
}
