package io.cellbench.plot;

import java.awt.Color;

/**
 * A sequential colour map for colouring curves by cycle or pressure: viridis (perceptually
 * uniform, readable in grey scale and by colour-blind readers), interpolated between eleven
 * of its published stops. The light yellow end is cut off because thin yellow lines vanish
 * on a white background.
 */
final class ColourMap {
    private static final int[] VIRIDIS = {
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
        0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725};
    /** The part of viridis used: dark purple to green-yellow. */
    private static final double LIGHTEST = 0.86;

    private ColourMap() {
    }

    /** The colour at {@code t} in [0, 1] (clamped); NaN gives the middle. */
    static Color at(double t) {
        if (Double.isNaN(t)) {
            t = 0.5;
        }
        double u = Math.max(0, Math.min(1, t)) * LIGHTEST * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(u), VIRIDIS.length - 2);
        double f = u - i;
        return mix(VIRIDIS[i], VIRIDIS[i + 1], f);
    }

    /** The colour of {@code value} on a scale from {@code min} to {@code max}. */
    static Color at(double value, double min, double max) {
        return at(max > min ? (value - min) / (max - min) : 0.5);
    }

    private static Color mix(int a, int b, double f) {
        return new Color(
                channel(a >> 16, b >> 16, f),
                channel(a >> 8, b >> 8, f),
                channel(a, b, f));
    }

    private static int channel(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
