package io.cellbench.daq.influx;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ImpedancePoint;

/** Points read back from InfluxDB by {@link InfluxReader}, with the tags of their series. */
public final class StoredPoints {

    private StoredPoints() {
    }

    /** One row of {@code samples}; the sample's unix time is the point's time (whole microseconds). */
    public record StoredSample(SeriesTags tags, Sample sample) {
    }

    /** One row of {@code cycles}; the point's time is the cycle's start. */
    public record StoredCycle(SeriesTags tags, double startUnixTimeSecond, CycleSummary summary) {
    }

    /**
     * One frequency of one sweep ({@code impedance}). {@code spectrumIndex} numbers a cell's
     * sweeps as the sink saw them; {@code pointIndex} is the frequency's place in its sweep.
     */
    public record StoredImpedance(SeriesTags tags, double unixTimeSecond, long spectrumIndex, int pointIndex,
                                  double testTimeSecond, int cycleCount, int stepCount, int stepIndex,
                                  double appliedPressurePa, double ambientTemperatureCelsius, ImpedancePoint point) {
    }
}
