package io.cellbench.core.data;

/**
 * The per-cycle figures every cycler and analysis tool computes (BEEP, cellpy).
 * Efficiencies are fractions (0.998), {@code NaN} when the cycle has no charge.
 * Mean voltages are capacity-weighted (energy / capacity). Voltages and efficiencies are
 * {@code NaN} when that half of the cycle did not happen. Minimum and maximum voltage are over
 * the cycle's measured samples (NaN when none was measured). The resistances are those of the
 * equivalent circuit fitted to the last impedance sweep of the cycle (issue 16: R0, R1, R2 of the
 * bundled solid-state circuit), NaN when the cycle has no fitted sweep.
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
        double maximumVoltageVolt,
        double bulkResistanceOhm,
        double grainBoundaryResistanceOhm,
        double interfaceResistanceOhm) {

    /** A summary without fitted resistances (what the samples alone give). */
    public CycleSummary(int cycleCount, double startTestTimeSecond, double durationSecond, double chargeCapacityAh,
                        double dischargeCapacityAh, double chargeEnergyWh, double dischargeEnergyWh,
                        double coulombicEfficiency, double energyEfficiency, double meanChargeVoltageVolt,
                        double meanDischargeVoltageVolt, double endChargeVoltageVolt, double endDischargeVoltageVolt,
                        double minimumVoltageVolt, double maximumVoltageVolt) {
        this(cycleCount, startTestTimeSecond, durationSecond, chargeCapacityAh, dischargeCapacityAh, chargeEnergyWh,
                dischargeEnergyWh, coulombicEfficiency, energyEfficiency, meanChargeVoltageVolt, meanDischargeVoltageVolt,
                endChargeVoltageVolt, endDischargeVoltageVolt, minimumVoltageVolt, maximumVoltageVolt, Double.NaN,
                Double.NaN, Double.NaN);
    }

    /** This cycle with the resistances fitted to its last impedance sweep. */
    public CycleSummary withResistances(double bulkOhm, double grainBoundaryOhm, double interfaceOhm) {
        return new CycleSummary(cycleCount, startTestTimeSecond, durationSecond, chargeCapacityAh, dischargeCapacityAh,
                chargeEnergyWh, dischargeEnergyWh, coulombicEfficiency, energyEfficiency, meanChargeVoltageVolt,
                meanDischargeVoltageVolt, endChargeVoltageVolt, endDischargeVoltageVolt, minimumVoltageVolt,
                maximumVoltageVolt, bulkOhm, grainBoundaryOhm, interfaceOhm);
    }
}
