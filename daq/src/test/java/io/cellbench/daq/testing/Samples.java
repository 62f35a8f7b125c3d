package io.cellbench.daq.testing;

import io.cellbench.core.data.Sample;
import java.util.ArrayList;
import java.util.List;

/** Sample sequences for tests: every column distinct, so a swapped column cannot pass. */
public final class Samples {

    public static final double T0 = 1_767_225_600.0; // 2026-01-01T00:00:00Z

    private Samples() {
    }

    /** Row {@code i}: distinct values in every column; pressure and temperature NaN on every 7th row. */
    public static Sample numbered(int i) {
        boolean gap = i % 7 == 3;
        return new Sample(
                i * 0.5, T0 + i * 0.5, 3.0 + i * 1e-4, (i % 2 == 0 ? 1 : -1) * 0.001 * (1 + i % 5),
                1 + i / 1000, 1 + i / 100, 1 + (i / 100) % 4,
                i * 1e-6, i * 2e-6, i * 3e-6, i * 4e-6, i * 5e-6,
                i * 6e-6, i * 7e-6, i * 8e-6, i * 9e-6, i * 1e-5,
                0.003 + i * 1e-7,
                gap ? Double.NaN : 25e6 + i,
                gap ? Double.NaN : 25.0 + i * 1e-3, 1, i * 1e-6, i * 2e-6, i * 6e-6, i * 7e-6);
    }

    public static List<Sample> numbered(int from, int count) {
        List<Sample> samples = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            samples.add(numbered(i));
        }
        return samples;
    }

    /**
     * A sample for cycle-statistics tests: only the columns those statistics read are
     * meaningful; the others are derived or NaN.
     */
    public static Sample cycling(double t, double voltage, double current, int cycle,
                                 double chargeAh, double dischargeAh, double chargeWh, double dischargeWh) {
        return new Sample(t, T0 + t, voltage, current, cycle, 1, 1,
                chargeAh, dischargeAh, Double.NaN, chargeAh - dischargeAh, chargeAh + dischargeAh,
                chargeWh, dischargeWh, Double.NaN, chargeWh - dischargeWh, chargeWh + dischargeWh,
                voltage * current, Double.NaN, 25.0, 1, chargeAh, dischargeAh, chargeWh, dischargeWh);
    }
}
