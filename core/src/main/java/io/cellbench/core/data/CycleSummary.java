package io.cellbench.core.data;

/**
 * The per-cycle figures every cycler and analysis tool computes (BEEP, cellpy).
 * Efficiencies are fractions (0.998), {@code NaN} when the cycle has no charge.
 * Mean voltages are capacity-weighted (energy / capacity). Voltages and efficiencies are
 * {@code NaN} when that half of the cycle did not happen. Minimum and maximum voltage are over
 * the cycle's measured samples (NaN when none was measured).
 */
public record CycleSummary(
        int cycleCount,
        double startTestTimeSecond,
        double durationSecond,
        double chargeCapacityAh,
        double dischargeCapacityAh,
        double chargeEnergyWh,
        double dischargeEnergyWh,
        double coulombicEfficiency,
        double energyEfficiency,
        double meanChargeVoltageVolt,
        double meanDischargeVoltageVolt,
        double endChargeVoltageVolt,
        double endDischargeVoltageVolt,
        double minimumVoltageVolt,
        double maximumVoltageVolt) {
}
