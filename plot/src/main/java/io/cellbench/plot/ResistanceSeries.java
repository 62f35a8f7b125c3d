package io.cellbench.plot;

import java.awt.Color;

/**
 * One curve of a resistance plot, as it will be drawn: a cell's fitted resistance ({@code y}, Ω)
 * against cycle, pressure (MPa) or temperature (°C) ({@code x}), in the cell's colour.
 */
public record ResistanceSeries(String cell, Resistance resistance, double[] x, double[] y, Color colour) {
}
