package io.cellbench.core.data;

/**
 * One recorded point of a cell's time series, named after the Battery Data Format columns.
 * <ul>
 * <li>Current and power are positive while charging.</li>
 * <li>{@code cycleCount} starts at 1 and increments when a charge step begins after a
 *     discharge step in the same cycle (the Arbin convention).</li>
 * <li>{@code stepCount} counts executed steps (1, 2, 3 …); {@code stepIndex} is the 1-based
 *     position of the step in the protocol (a repeated step keeps its index): BDF's Step ID.
 *     {@code stepRecordIndex} counts the recorded samples of the step: 1, 2, 3 … (BDF 1.3's
 *     Step Record Index).</li>
 * <li>{@code chargingCapacityAh}, {@code dischargingCapacityAh}, {@code chargingEnergyWh} and
 *     {@code dischargingEnergyWh} accumulate within the current cycle and restart at each cycle
 *     (BDF's Cycle Charging Capacity, …); the {@code total…} values accumulate from the start of
 *     the test and never restart (BDF 1.3's Charging Capacity, …). Step values are the step's
 *     throughput (charge plus discharge, BDF's Step Cumulative Capacity/Energy) and restart at
 *     each step; net is charge minus discharge since the start of the test; cumulative is total
 *     throughput.</li>
 * <li>Pressure or temperature is {@code NaN} when no instrument measures it.</li>
 * </ul>
 */
public record Sample(
        double testTimeSecond,
        double unixTimeSecond,
        double voltageVolt,
        double currentAmpere,
        int cycleCount,
        int stepCount,
        int stepIndex,
        double chargingCapacityAh,
        double dischargingCapacityAh,
        double stepCapacityAh,
        double netCapacityAh,
        double cumulativeCapacityAh,
        double chargingEnergyWh,
        double dischargingEnergyWh,
        double stepEnergyWh,
        double netEnergyWh,
        double cumulativeEnergyWh,
        double powerWatt,
        double appliedPressurePa,
        double ambientTemperatureCelsius,
        int stepRecordIndex,
        double totalChargingCapacityAh,
        double totalDischargingCapacityAh,
        double totalChargingEnergyWh,
        double totalDischargingEnergyWh) {
}
