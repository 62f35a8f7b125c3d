package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.DrawnTicks;

/**
 * The labelled ticks of the logarithmic axes of a one-panel log-log figure (a Bode |Z| against
 * frequency) as xchart laid them out, and the checks every log axis must pass: each label where
 * its value is, no two labels overlapping, and on an axis of at most three decades no stretch
 * without a label longer than {@link #gapBound}.
 */
final class LogAxisTicks {
    private static final FontRenderContext RENDERING = new FontRenderContext(null, true, true);

    private LogAxisTicks() {
    }

    /** A drawn label, its box along the axis (pixels from the low end) and the value at its tick. */
    record Label(String text, double at, double extent, double valueThere) {
        double low() {
            return at - extent / 2;
        }

        double high() {
            return at + extent / 2;
        }
    }

    /** Both axes of a figure: the labels, the axis length in pixels, the range, the tick font. */
    record Axis(List<Label> labels, double pixels, AxisRange range, Font font, boolean alongX) {
        double pixelsPerDecade() {
            return pixels / (Math.log10(range.max()) - Math.log10(range.min()));
        }
    }

    record Axes(Axis x, Axis y) {
    }

    /** Data from {@code lo} to {@code hi} on both axes of a {@code width} × {@code height} figure. */
    static Axes draw(double lo, double hi, int width, int height) {
        Style style = Style.forSize(width, height);
        Panel p = new Panel(style, "Frequency (Hz)", "|Z| (Ω)", true, true);
        double mid = Math.sqrt(lo * hi);
        p.line(new double[] {lo, mid, hi}, new double[] {lo, mid, hi}, Color.BLUE, 1.4);
        Figure figure = new Figure(style, "log ticks", 1, List.of(p), List.of());
        try {
            FigureWriter.png(figure, width, height, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Rectangle2D plot = p.plotArea();
        Font font = style.tickFont();
        return new Axes(axis(DrawnTicks.x(p.chart()), p.currentX(), plot.getWidth(), font, true),
                axis(DrawnTicks.y(p.chart()), p.currentY(), plot.getHeight(), font, false));
    }

    private static Axis axis(List<DrawnTicks.Tick> laidOut, AxisRange range, double pixels, Font font, boolean alongX) {
        List<Label> out = new ArrayList<>();
        double decades = Math.log10(range.max()) - Math.log10(range.min());
        for (DrawnTicks.Tick t : laidOut) {
            // xchart lays out ticks beyond each end and draws only those on the axis
            if (t.label() == null || t.label().isEmpty() || t.fromLowEnd() < -0.5 || t.fromLowEnd() > pixels + 0.5) {
                continue;
            }
            Rectangle2D box = new TextLayout(t.label(), font, RENDERING).getBounds();
            double valueThere = range.min() * Math.pow(10, t.fromLowEnd() / pixels * decades);
            out.add(new Label(t.label(), t.fromLowEnd(), alongX ? box.getWidth() : box.getHeight(), valueThere));
        }
        return new Axis(out, pixels, range, font, alongX);
    }

    /** "200", "0.05", "10⁻³" as a number. */
    static double parse(String label) {
        if (label.startsWith("10") && label.length() > 2 && "⁰¹²³⁴⁵⁶⁷⁸⁹⁻".indexOf(label.charAt(2)) >= 0) {
            StringBuilder exponent = new StringBuilder();
            for (char c : label.substring(2).toCharArray()) {
                exponent.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
            }
            return Math.pow(10, Integer.parseInt(exponent.toString()));
        }
        return Double.parseDouble(label.replace('−', '-'));
    }

    /**
     * The longest stretch of a log axis of at most three decades that may go without a label: the
     * gap from 1 to 2 × 10ⁿ (no tick lies between them to label), or, where labels that close
     * would overlap, three labels' lengths.
     */
    static double gapBound(Axis a) {
        double widest = a.labels.stream().mapToDouble(Label::extent).max().orElse(0);
        double oneLabel = a.alongX ? Math.max(widest, a.font.getSize2D()) : a.font.getSize2D();
        return Math.max(Math.log10(2) * a.pixelsPerDecade(), 3 * oneLabel) + 1;
    }

    /** Checks {@code a} as a reader would; {@code what} names the axis in a failure. */
    static void check(Axis a, String what) {
        List<Label> labels = a.labels;
        List<String> texts = labels.stream().map(Label::text).toList();
        // one pixel of xchart's rounding either way
        double pixel = 1.5 / a.pixelsPerDecade();
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            assertEquals(Math.log10(l.valueThere()), Math.log10(parse(l.text())), pixel,
                    what + ": " + l.text() + " is where its value is, in " + texts);
            if (i > 0) {
                Label before = labels.get(i - 1);
                assertTrue(l.low() >= before.high(), what + ": " + before.text() + " and " + l.text()
                        + " overlap (" + before.high() + " > " + l.low() + " px) in " + texts);
            }
        }
        double decades = Math.log10(a.range.max()) - Math.log10(a.range.min());
        if (decades <= 3) {
            double bound = gapBound(a);
            double previous = 0;
            for (Label l : labels) {
                assertTrue(l.at() - previous <= bound, what + ": " + Math.round(l.at() - previous)
                        + " px without a label below " + l.text() + " (at most " + Math.round(bound) + ") in " + texts);
                previous = l.at();
            }
            assertTrue(a.pixels - previous <= bound, what + ": " + Math.round(a.pixels - previous)
                    + " px without a label above the last (at most " + Math.round(bound) + ") in " + texts);
        }
    }
}
