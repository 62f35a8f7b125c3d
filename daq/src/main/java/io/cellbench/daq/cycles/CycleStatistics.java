package io.cellbench.daq.cycles;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import java.util.Optional;

/**
 * Turns one cell's samples, in order, into per-cycle summaries. A cycle is complete when a
 * sample with another {@code cycle_count} arrives; {@link #finish()} closes the last one.
 *
 * <p>Capacities and energies are the per-cycle charging/discharging counters of the cycle's
 * last sample (the cycler already integrates them, at its own rate, so re-integrating the
 * recorded points would only be less accurate). Efficiencies are discharge over charge;
 * mean voltages are energy over capacity; end voltages are the voltage of the last sample
 * with positive (charge) or negative (discharge) current; duration runs from the cycle's
 * first to its last sample; minimum and maximum voltage are over its measured samples. A half-cycle that did not happen (zero capacity) gives NaN for
 * its mean voltage and for both efficiencies. Not thread-safe: one instance per cell.
 */
public final class CycleStatistics {

    private Sample first;
    private Sample last;
    private double endChargeVoltage = Double.NaN;
    private double endDischargeVoltage = Double.NaN;
    private double minimumVoltage = Double.NaN;
    private double maximumVoltage = Double.NaN;

    /**
     * Adds the next sample; returns the summary of the previous cycle when this sample
     * starts a new one.
     */
    public Optional<CycleSummary> add(Sample sample) {
        Optional<CycleSummary> completed = Optional.empty();
        if (first != null && sample.cycleCount() != first.cycleCount()) {
            completed = finish();
        }
        if (first == null) {
            first = sample;
        }
        last = sample;
        double v = sample.voltageVolt();
        if (!Double.isNaN(v)) {
            // NaN compares false both ways, so the first measured voltage starts the range
            minimumVoltage = v < minimumVoltage || Double.isNaN(minimumVoltage) ? v : minimumVoltage;
            maximumVoltage = v > maximumVoltage || Double.isNaN(maximumVoltage) ? v : maximumVoltage;
        }
        if (sample.currentAmpere() > 0) {
            endChargeVoltage = sample.voltageVolt();
        } else if (sample.currentAmpere() < 0) {
            endDischargeVoltage = sample.voltageVolt();
        }
        return completed;
    }

    /** Closes the cycle in progress (end of test) and returns its summary, if it has samples. */
    public Optional<CycleSummary> finish() {
        if (first == null) {
            return Optional.empty();
        }
        CycleSummary summary = summarize();
        first = null;
        last = null;
        endChargeVoltage = Double.NaN;
        endDischargeVoltage = Double.NaN;
        minimumVoltage = Double.NaN;
        maximumVoltage = Double.NaN;
        return Optional.of(summary);
    }

    /**
     * The unix time of the first sample of the cycle in progress (NaN before the first sample):
     * read it before {@link #add} to know when the cycle that {@code add} completes began.
     */
    public double startUnixTimeSecond() {
        return first == null ? Double.NaN : first.unixTimeSecond();
    }

    /** The cycle in progress, summarised as if it ended now; empty before the first sample. */
    public Optional<CycleSummary> current() {
        return first == null ? Optional.empty() : Optional.of(summarize());
    }

    private CycleSummary summarize() {
        double chargeCapacity = last.chargingCapacityAh();
        double dischargeCapacity = last.dischargingCapacityAh();
        double chargeEnergy = last.chargingEnergyWh();
        double dischargeEnergy = last.dischargingEnergyWh();
        boolean charged = chargeCapacity > 0;
        boolean discharged = dischargeCapacity > 0;
        boolean both = charged && discharged;
        return new CycleSummary(
                first.cycleCount(),
                first.testTimeSecond(),
                last.testTimeSecond() - first.testTimeSecond(),
                chargeCapacity,
                dischargeCapacity,
                chargeEnergy,
                dischargeEnergy,
                both ? dischargeCapacity / chargeCapacity : Double.NaN,
                both && chargeEnergy > 0 ? dischargeEnergy / chargeEnergy : Double.NaN,
                charged ? chargeEnergy / chargeCapacity : Double.NaN,
                discharged ? dischargeEnergy / dischargeCapacity : Double.NaN,
                endChargeVoltage,
                endDischargeVoltage,
                minimumVoltage,
                maximumVoltage);
    }
}
