package io.cellbench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * Fonts, strokes and spacing of a figure. Sizes are set for the 1000 × 700 default, which is
 * meant to be read on a projector from the back of a lab meeting, and scale with the figure
 * so a larger export keeps the same proportions.
 */
record Style(double scale) {

    static final int DEFAULT_WIDTH = 1000;
    static final int DEFAULT_HEIGHT = 700;

    static final Color INK = new Color(0x1A1A1A);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color FRAME = new Color(0x4D4D4D);
    /** Neutral colour for keys that show a cell's marker but not a colour. */
    static final Color NEUTRAL = new Color(0x555555);

    static Style forSize(int width, int height) {
        double s = Math.min(width / (double) DEFAULT_WIDTH, height / (double) DEFAULT_HEIGHT);
        return new Style(Math.max(0.5, Math.min(4, s)));
    }

    Font titleFont() {
        return font(Font.BOLD, 22);
    }

    Font axisTitleFont() {
        return font(Font.PLAIN, 19);
    }

    Font tickFont() {
        return font(Font.PLAIN, 16);
    }

    Font keyFont() {
        return font(Font.PLAIN, 15);
    }

    Font keyTitleFont() {
        return font(Font.BOLD, 15);
    }

    /** A length in pixels at this scale. */
    int px(double atDefaultSize) {
        return (int) Math.round(atDefaultSize * scale);
    }

    float width(double atDefaultSize) {
        return (float) (atDefaultSize * scale);
    }

    BasicStroke line(double atDefaultSize) {
        return new BasicStroke(width(atDefaultSize), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private Font font(int style, double size) {
        return new Font(Font.SANS_SERIF, style, (int) Math.round(size * scale));
    }
}
