package io.cellbench.daq.influx;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import java.util.Optional;

/**
 * Builds one cell's {@link CycleSummary} from its samples, closing a cycle when the cycle
 * count changes or the run ends. Capacities and energies come from the samples' per-cycle
 * counters (which survive a resume), so only the start time of a cycle resumed mid-way is
 * the time the tracker first saw it.
 */
final class CycleTracker {

    private int cycle = -1;
    private double startTestTime;
    private double startUnixTime;
    private double lastTestTime;
    private double chargeAh;
    private double dischargeAh;
    private double chargeWh;
    private double dischargeWh;
    private double endChargeVolt = Double.NaN;
    private double endDischargeVolt = Double.NaN;

    /** The unix time of the open cycle's first sample. */
    double startUnixTime() {
        return startUnixTime;
    }

    /** Feeds one sample; returns the cycle it closed, if any, with that cycle's start unix time. */
    Optional<Closed> add(Sample s) {
        Optional<Closed> closed = Optional.empty();
        if (s.cycleCount() != cycle) {
            closed = close();
            cycle = s.cycleCount();
            startTestTime = s.testTimeSecond();
            startUnixTime = s.unixTimeSecond();
            chargeAh = dischargeAh = chargeWh = dischargeWh = 0;
            endChargeVolt = endDischargeVolt = Double.NaN;
        }
        lastTestTime = s.testTimeSecond();
        chargeAh = orZero(s.chargingCapacityAh());
        dischargeAh = orZero(s.dischargingCapacityAh());
        chargeWh = orZero(s.chargingEnergyWh());
        dischargeWh = orZero(s.dischargingEnergyWh());
        if (s.currentAmpere() > 0) {
            endChargeVolt = s.voltageVolt();
        } else if (s.currentAmpere() < 0) {
            endDischargeVolt = s.voltageVolt();
        }
        return closed;
    }

    /** Closes the open cycle (at the end of a run); empty when no sample was seen. */
    Optional<Closed> close() {
        if (cycle < 0) {
            return Optional.empty();
        }
        CycleSummary summary = new CycleSummary(cycle, startTestTime, lastTestTime - startTestTime,
                chargeAh, dischargeAh, chargeWh, dischargeWh,
                ratio(dischargeAh, chargeAh), ratio(dischargeWh, chargeWh),
                ratio(chargeWh, chargeAh), ratio(dischargeWh, dischargeAh),
                endChargeVolt, endDischargeVolt);
        cycle = -1;
        return Optional.of(new Closed(summary, startUnixTime));
    }

    record Closed(CycleSummary summary, double startUnixTime) {
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
