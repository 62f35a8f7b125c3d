package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.internal.chartpart.DrawnTicks;

/**
 * The y tick labels a one-panel figure shows for data from {@code lo} to {@code hi}, as xchart
 * laid them out, and the checks every linear axis must pass: distinct, short, one number of
 * decimals, a true minus, at 1, 2 or 5 × 10ⁿ steps, each where its value is (label × the axis's
 * multiplier + its offset, {@link AxisNotation}).
 */
final class AxisTicks {
    /** The longest label a reader takes in at a glance ("−0.0025", "−42.50"). */
    static final int MAX_LABEL = 8;
    /** Beyond this many digits the changing ones hide behind the repeated ones (2.98290, 2.98295 …). */
    static final int MAX_DIGITS = 5;

    private AxisTicks() {
    }

    /** A label, the value at its position on the axis, and how the axis writes its labels. */
    record Tick(String label, double valueThere, AxisNotation notation) {
        /** The value the label stands for: label × multiplier + offset. */
        double parsed() {
            return notation.value(Double.parseDouble(label.replace('−', '-')));
        }
    }

    /** The ticks of both axes of one figure, and the texts it drew (its SVG's text elements). */
    record Axes(List<Tick> x, List<Tick> y, List<String> texts) {
        /**
         * Checks that each axis's multiplier and offset, when it has any, is shown once on the
         * figure (twice when both axes are written alike), and that it is the notation its labels
         * were read with: "×10⁹", "×10⁻⁴ + 2.983 V".
         */
        void checkNotationShown(String what) {
            String xText = x.isEmpty() ? "" : x.getFirst().notation().text("h");
            String yText = y.isEmpty() ? "" : y.getFirst().notation().text("V");
            for (String text : List.of(xText, yText)) {
                if (!text.isEmpty()) {
                    long expected = (text.equals(xText) ? 1 : 0) + (text.equals(yText) ? 1 : 0);
                    assertEquals(expected, texts.stream().filter(text::equals).count(), what + ": '" + text
                            + "' shown once per axis it belongs to, in " + texts);
                }
            }
        }
    }

    static List<Tick> yTicks(double lo, double hi, int width, int height) {
        return ticks(0, 2, lo, hi, width, height).y();
    }

    /** The ticks of a one-panel figure whose data runs from (x0, y0) to (x1, y1). */
    static Axes ticks(double x0, double x1, double y0, double y1, int width, int height) {
        Style style = Style.forSize(width, height);
        Panel p = new Panel(style, "Test Time / h", "Voltage / V", false, false);
        p.line(new double[] {x0, (x0 + x1) / 2, x1}, new double[] {y0, (y0 + y1) / 2, y1}, Color.BLUE, 1.4);
        Figure figure = new Figure(style, "ticks", 1, List.of(p), List.of());
        List<String> texts = List.of();
        try {
            FigureWriter.png(figure, width, height, OutputStream.nullOutputStream());
            if (!p.xNotation().isPlain() || !p.yNotation().isPlain()) {
                // drawn again as SVG (three times slower), so its texts, the axes' multipliers and offsets
                // among them, can be read back; the ticks read below are then the SVG's
                ByteArrayOutputStream svg = new ByteArrayOutputStream();
                FigureWriter.svg(figure, width, height, svg);
                texts = SvgFile.texts(svg.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Axes(onAxis(DrawnTicks.x(p.chart()), p.currentX(), p.plotArea().getWidth(), p.xNotation()), y(p),
                texts);
    }

    /** The y ticks of a panel of a figure just painted. */
    static List<Tick> y(Panel p) {
        return onAxis(DrawnTicks.y(p.chart()), p.currentY(), p.plotArea().getHeight(), p.yNotation());
    }

    private static List<Tick> onAxis(List<DrawnTicks.Tick> laidOut, AxisRange range, double pixels,
                                     AxisNotation notation) {
        List<Tick> out = new ArrayList<>();
        for (DrawnTicks.Tick t : laidOut) {
            // xchart lays out a tick or two beyond each end and draws only those on the axis
            if (t.fromLowEnd() >= -0.5 && t.fromLowEnd() <= pixels + 0.5) {
                out.add(new Tick(t.label(), range.min() + t.fromLowEnd() / pixels * range.span(), notation));
            }
        }
        return out;
    }

    /** Checks {@code ticks} as a reader would; {@code what} names the axis in a failure. */
    static void check(List<Tick> ticks, String what) {
        List<String> labels = ticks.stream().map(Tick::label).toList();
        assertTrue(ticks.size() >= 2, what + ": at least two labelled ticks, got " + labels);
        assertEquals(ticks.size(), new HashSet<>(labels).size(), what + ": labels distinct " + labels);
        int decimals = decimals(labels.getFirst());
        double step = ticks.get(1).parsed() - ticks.get(0).parsed();
        assertTrue(isNice(step), what + ": step " + step + " is 1, 2 or 5 × 10ⁿ " + labels);
        for (int i = 0; i < ticks.size(); i++) {
            Tick t = ticks.get(i);
            assertFalse(t.label().contains("-"), what + ": a true minus (U+2212) in " + t.label());
            assertTrue(t.label().length() <= MAX_LABEL, what + ": at most " + MAX_LABEL + " characters " + labels);
            assertTrue(significantDigits(t.label()) <= MAX_DIGITS, what + ": at most " + MAX_DIGITS
                    + " significant digits " + labels);
            assertEquals(decimals, decimals(t.label()), what + ": one number of decimals " + labels);
            assertEquals(t.valueThere(), t.parsed(), step / 2, what + ": " + t.label() + " is where its value is");
            if (i > 0) {
                assertEquals(step, t.parsed() - ticks.get(i - 1).parsed(), step * 1e-6, what + ": even steps " + labels);
            }
        }
    }

    static int decimals(String label) {
        int dot = label.indexOf('.');
        return dot < 0 ? 0 : label.length() - dot - 1;
    }

    /**
     * Digits from the first non-zero one to the last one that carries the step: "0.00250" has 3
     * (its last zero says the step is 10 µ), "2.98290" 6, "1500000" and "1250000000" 2 and 3.
     */
    static int significantDigits(String label) {
        String digits = label.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        if (!label.contains(".")) {
            digits = digits.replaceFirst("0+$", "");
        }
        return Math.max(1, digits.length());
    }

    static boolean isNice(double step) {
        if (!(step > 0)) {
            return false;
        }
        BigDecimal mantissa = new BigDecimal(step).round(new java.math.MathContext(6))
                .movePointLeft((int) Math.floor(Math.log10(step))).stripTrailingZeros();
        // 9.99999999999994E-5 is 1 × 10⁻⁴ read back from two labels
        return mantissa.compareTo(BigDecimal.ONE) == 0 || mantissa.compareTo(BigDecimal.valueOf(2)) == 0
                || mantissa.compareTo(BigDecimal.valueOf(5)) == 0 || mantissa.compareTo(BigDecimal.TEN) == 0;
    }
}
