package io.cellbench.core.data;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.List;

/**
 * The columns of the impedance spectra ({@code spectra.arrows}, {@code data eis}, InfluxDB
 * impedance points), in file order: one row per impedance point ({@link SpectrumRow}). The time,
 * counter and condition columns are the sample table's; the impedance columns are the Battery
 * Data Format's impedance terms (BDF has them since 1.0.0; the names cellbench used before
 * BDF 1.3 are their aliases).
 */
public enum SpectrumField implements DataColumn<SpectrumRow> {
    SPECTRUM_INDEX(ColumnTerm.own("spectrum_index", "1", "Spectrum Index / 1"), int32(SpectrumRow::spectrumIndex)),
    TEST_TIME(SampleField.TEST_TIME.term(), float64(r -> r.spectrum().testTimeSecond())),
    UNIX_TIME(SampleField.UNIX_TIME.term(), float64(r -> r.spectrum().unixTimeSecond())),
    CYCLE_COUNT(SampleField.CYCLE_COUNT.term(), int32(r -> r.spectrum().cycleCount())),
    STEP_COUNT(SampleField.STEP_COUNT.term(), int32(r -> r.spectrum().stepCount())),
    STEP_ID(SampleField.STEP_ID.term(), int32(r -> r.spectrum().stepIndex())),
    FREQUENCY(ColumnTerm.bdf("frequency_hertz", "Hz", "Frequency / Hz").alsoKnownAs("frequency_hz"), float64(r -> r.point().frequencyHz())),
    Z_REAL(ColumnTerm.bdf("real_impedance_ohm", "Ohm", "Real Impedance / ohm").alsoKnownAs("z_real_ohm"), float64(r -> r.point().zRealOhm())),
    /** As measured: negative for capacitive behaviour (plot -Z'' upwards for a Nyquist plot). */
    Z_IMAG(ColumnTerm.bdf("imaginary_impedance_ohm", "Ohm", "Imaginary Impedance / ohm")
            .alsoKnownAs("z_imag_ohm"), float64(r -> r.point().zImagOhm())),
    Z_MOD(ColumnTerm.bdf("absolute_impedance_ohm", "Ohm", "Absolute Impedance / ohm").alsoKnownAs("z_mod_ohm"), float64(r -> r.point().modulusOhm())),
    Z_PHASE(ColumnTerm.bdf("phase_degree", "deg", "Phase / deg").alsoKnownAs("z_phase_degree"), float64(r -> r.point().phaseDegree())),
    APPLIED_PRESSURE(SampleField.APPLIED_PRESSURE.term(), float64(r -> r.spectrum().appliedPressurePa())),
    AMBIENT_TEMPERATURE(SampleField.AMBIENT_TEMPERATURE.term(), float64(r -> r.spectrum().ambientTemperatureCelsius()));

    /**
     * The point's place in its sweep (0, 1, 2 …): a field of InfluxDB's impedance points and a
     * column of {@code data eis}, not of spectra.arrows, whose rows keep the sweep's order.
     */
    public static final DataColumn<SpectrumRow> POINT_INDEX = DataColumn.of(
            ColumnTerm.own("point_index", "1", "Point Index / 1"), int32(SpectrumRow::pointIndex));

    private final Definition<SpectrumRow> definition;

    SpectrumField(ColumnTerm term, ColumnValue<SpectrumRow> value) {
        definition = new Definition<>(term, value);
    }

    @Override
    public Definition<SpectrumRow> definition() {
        return definition;
    }

    /** The impedance point a row holds (modulus and phase follow from it). */
    public static ImpedancePoint point(ColumnSource in) {
        return new ImpedancePoint(in.number(FREQUENCY), in.number(Z_REAL), in.number(Z_IMAG));
    }

    /** The spectrum whose points are {@code points}, with where it was taken read from one of its rows. */
    public static Spectrum spectrum(ColumnSource in, List<ImpedancePoint> points) {
        return new Spectrum(in.number(TEST_TIME), in.number(UNIX_TIME), in.integer(CYCLE_COUNT),
                in.integer(STEP_COUNT), in.integer(STEP_ID), in.number(APPLIED_PRESSURE),
                in.number(AMBIENT_TEMPERATURE), points);
    }
}
