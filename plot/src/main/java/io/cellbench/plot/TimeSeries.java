package io.cellbench.plot;

import java.awt.Color;

/**
 * One line of a plot against time, as it will be drawn: a cell's recorded quantity ({@code values}
 * in the unit of {@code panel}, the panel's heading, "Temperature T1 / degC") against test time
 * ({@code time}, in {@code timeUnit}: s, min, h or d), in the cell's colour. The points are those
 * kept of the samples ({@link TimeEnvelope}): every sample of a short run. A NaN in both marks a
 * break in the line, where the run recorded a hole in its data (DataGap).
 */
public record TimeSeries(String panel, String cell, String timeUnit, double[] time, double[] values, Color colour) {
}
