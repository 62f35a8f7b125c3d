package io.cellbench.importers;

/**
 * One row of a cycler's time series as a vendor file holds it, in SI units and the BDF sign
 * convention (current positive while it charges the cell), before any repair.
 *
 * <ul>
 * <li>A value the file does not have is {@code NaN} (doubles) or {@link #UNKNOWN} (counters);
 *     {@link ImportMetadata#present()} says which fields the file provides at all.</li>
 * <li>{@code testTimeSecond} is the file's test time as found: it may restart at each step
 *     (the Neware "time bug") or be in another unit; {@link io.cellbench.importers.repair}
 *     fixes and reports that.</li>
 * <li>Capacities and energies are the file's own counters, positive, with the scope that
 *     {@link ImportMetadata#counterScope()} gives (per step, per cycle or since the start).</li>
 * <li>{@code stepId} is the step's number in the cycler's program (BDF {@code step_id}, the
 *     vendors' "Step Index"); {@code stepCount} counts executed steps from 1.</li>
 * <li>{@code aux} holds the values of {@link ImportMetadata#auxColumns()}, in that order.</li>
 * </ul>
 */
public record CyclerRecord(
        long recordIndex,
        double testTimeSecond,
        double unixTimeSecond,
        double stepTimeSecond,
        double voltageVolt,
        double currentAmpere,
        int cycleCount,
        int stepCount,
        int stepId,
        StepType stepType,
        double chargingCapacityAh,
        double dischargingCapacityAh,
        double chargingEnergyWh,
        double dischargingEnergyWh,
        double ambientTemperatureCelsius,
        double[] aux) {

    /** A counter the file does not give (counters start at 1). */
    public static final int UNKNOWN = 0;

    private static final double[] NO_AUX = new double[0];

    public CyclerRecord {
        if (stepType == null) {
            stepType = StepType.UNKNOWN;
        }
        if (aux == null) {
            aux = NO_AUX;
        }
    }

    public CyclerRecord withTestTime(double seconds) {
        return new CyclerRecord(recordIndex, seconds, unixTimeSecond, stepTimeSecond, voltageVolt, currentAmpere,
                cycleCount, stepCount, stepId, stepType, chargingCapacityAh, dischargingCapacityAh,
                chargingEnergyWh, dischargingEnergyWh, ambientTemperatureCelsius, aux);
    }

    public CyclerRecord withStepTime(double seconds) {
        return new CyclerRecord(recordIndex, testTimeSecond, unixTimeSecond, seconds, voltageVolt, currentAmpere,
                cycleCount, stepCount, stepId, stepType, chargingCapacityAh, dischargingCapacityAh,
                chargingEnergyWh, dischargingEnergyWh, ambientTemperatureCelsius, aux);
    }

    public CyclerRecord withCycleCount(int cycle) {
        return new CyclerRecord(recordIndex, testTimeSecond, unixTimeSecond, stepTimeSecond, voltageVolt,
                currentAmpere, cycle, stepCount, stepId, stepType, chargingCapacityAh, dischargingCapacityAh,
                chargingEnergyWh, dischargingEnergyWh, ambientTemperatureCelsius, aux);
    }

    public CyclerRecord withStepCount(int steps) {
        return new CyclerRecord(recordIndex, testTimeSecond, unixTimeSecond, stepTimeSecond, voltageVolt,
                currentAmpere, cycleCount, steps, stepId, stepType, chargingCapacityAh, dischargingCapacityAh,
                chargingEnergyWh, dischargingEnergyWh, ambientTemperatureCelsius, aux);
    }

    public CyclerRecord withCounters(double chargeAh, double dischargeAh, double chargeWh, double dischargeWh) {
        return new CyclerRecord(recordIndex, testTimeSecond, unixTimeSecond, stepTimeSecond, voltageVolt,
                currentAmpere, cycleCount, stepCount, stepId, stepType, chargeAh, dischargeAh, chargeWh,
                dischargeWh, ambientTemperatureCelsius, aux);
    }
}
