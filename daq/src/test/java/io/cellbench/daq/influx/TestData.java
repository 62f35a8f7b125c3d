package io.cellbench.daq.influx;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.util.ArrayList;
import java.util.List;

/** Samples and spectra for the InfluxDB tests: a cell cycling between 3.0 and 4.2 V. */
final class TestData {

    /**
     * How long a test lets a sink drain before it counts as stuck: far beyond the second or so a
     * drain takes, so a loaded machine never fails a drain that was only slow (a hang guard).
     */
    static final java.time.Duration DRAIN = java.time.Duration.ofMinutes(2);

    /** 2024-05-01T00:00:00Z */
    static final double START_UNIX = 1_714_521_600.0;

    private TestData() {
    }

    /** Sample number {@code i}: every 0.1 s; 1,000 samples per cycle, charging in the first half. */
    static Sample sample(int i) {
        double t = i * 0.1;
        int cycle = i / 1000 + 1;
        boolean charging = i % 1000 < 500;
        double current = charging ? 0.002 : -0.002;
        double v = charging ? 3.0 + 1.2 * (i % 500) / 500.0 : 4.2 - 1.2 * (i % 500) / 500.0;
        double stepAh = 0.002 * (i % 500) * 0.1 / 3600;
        double chargeAh = charging ? stepAh : 0.002 * 500 * 0.1 / 3600;
        double dischargeAh = charging ? 0 : stepAh;
        return new Sample(t, START_UNIX + t, v, current, cycle, 2 * cycle - (charging ? 1 : 0), charging ? 1 : 2,
                chargeAh, dischargeAh, stepAh, chargeAh - dischargeAh, chargeAh + dischargeAh,
                chargeAh * 3.6, dischargeAh * 3.6, stepAh * 3.6, (chargeAh - dischargeAh) * 3.6,
                (chargeAh + dischargeAh) * 3.6, v * current, Double.NaN, 25.0, 1, chargeAh, dischargeAh, chargeAh * 3.6, dischargeAh * 3.6);
    }

    static RunEvent.SampleRecorded recorded(String cell, int i) {
        return new RunEvent.SampleRecorded(cell, sample(i));
    }

    static Spectrum spectrum(double testTime, int points) {
        List<ImpedancePoint> list = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            double f = 1e6 * Math.pow(10, -k / 5.0);
            list.add(new ImpedancePoint(f, 10 + k, -k * 0.5));
        }
        return new Spectrum(testTime, START_UNIX + testTime, 1, 1, 1, 5e6, 25.0, list);
    }
}
