package io.cellbench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the keys in the strip right of the plots. Text goes through drawString, so an SVG
 * keeps it as text (searchable, editable in Inkscape or Illustrator).
 */
final class KeyPainter {
    private final Style style;

    KeyPainter(Style style) {
        this.style = style;
    }

    /** The strip width the keys need, padding included. */
    int width(Graphics2D g, List<Key> keys) {
        int w = 0;
        for (Key key : keys) {
            w = Math.max(w, g.getFontMetrics(style.keyTitleFont()).stringWidth(key.title()));
            FontMetrics fm = g.getFontMetrics(style.keyFont());
            switch (key) {
                case Key.Entries e -> {
                    for (Key.Entry entry : e.entries()) {
                        w = Math.max(w, sampleLength() + style.px(8) + fm.stringWidth(entry.label()));
                    }
                }
                case Key.Gradient gr -> {
                    for (Tick t : ticks(gr)) {
                        w = Math.max(w, barWidth() + style.px(10) + fm.stringWidth(t.label()));
                    }
                }
            }
        }
        return w + style.px(16);
    }

    /** Paints the keys from the top of the area downwards; gradients share what height is left. */
    void paint(Graphics2D g, List<Key> keys, int x, int top, int bottom) {
        int y = top;
        long gradients = keys.stream().filter(k -> k instanceof Key.Gradient).count();
        int fixed = 0;
        for (Key key : keys) {
            if (key instanceof Key.Entries e) {
                fixed += titleHeight(g) + e.entries().size() * rowHeight(g) + style.px(18);
            }
        }
        int barHeight = gradients == 0 ? 0 : (int) Math.min(style.px(520),
                (bottom - top - fixed - gradients * (titleHeight(g) + style.px(30))) / (double) gradients);
        for (Key key : keys) {
            y = switch (key) {
                case Key.Entries e -> paintEntries(g, e, x, y);
                case Key.Gradient gr -> paintGradient(g, gr, x, y, Math.max(style.px(60), barHeight));
            } + style.px(18);
        }
    }

    private int paintEntries(Graphics2D g, Key.Entries key, int x, int y) {
        y = paintTitle(g, key.title(), x, y);
        FontMetrics fm = g.getFontMetrics(style.keyFont());
        int row = rowHeight(g);
        for (Key.Entry e : key.entries()) {
            double mid = y + row / 2.0;
            Graphics2D s = (Graphics2D) g.create();
            s.setColor(e.colour());
            if (e.line()) {
                s.setStroke(style.line(2.6));
                s.draw(new Line2D.Double(x, mid, x + sampleLength(), mid));
            }
            if (e.marker() != null) {
                s.setStroke(new BasicStroke(style.width(1)));
                e.marker().paint(s, x + sampleLength() / 2.0, mid, style.px(9));
            }
            s.dispose();
            g.setFont(style.keyFont());
            g.setColor(Style.INK);
            g.drawString(e.label(), x + sampleLength() + style.px(8), (float) (mid + (fm.getAscent() - fm.getDescent()) / 2.0));
            y += row;
        }
        return y;
    }

    private int paintGradient(Graphics2D g, Key.Gradient key, int x, int y, int height) {
        y = paintTitle(g, key.title(), x, y) + style.px(8);
        int w = barWidth();
        double lo = key.min();
        double hi = key.max();
        if (key.wholeNumbers() && hi - lo <= 80) {
            // one block per cycle: the bar shows the very colours the curves are drawn in
            double per = height / (hi - lo + 1);
            for (long v = Math.round(lo); v <= Math.round(hi); v++) {
                g.setColor(key.colour(v));
                double top = y + (hi - v) * per;
                g.fill(new Rectangle2D.Double(x, top, w, per + 0.5));
            }
        } else {
            int steps = 128;
            for (int i = 0; i < steps; i++) {
                g.setColor(key.colour(hi - (i + 0.5) / steps * (hi - lo)));
                g.fill(new Rectangle2D.Double(x, y + i * height / (double) steps, w, height / (double) steps + 0.5));
            }
        }
        g.setColor(Style.FRAME);
        g.setStroke(new BasicStroke(style.width(1)));
        g.draw(new Rectangle2D.Double(x, y, w, height));
        g.setFont(style.keyFont());
        FontMetrics fm = g.getFontMetrics();
        for (Tick t : ticks(key)) {
            double ty = valueToY(key, t.value(), y, height);
            g.setColor(Style.FRAME);
            g.draw(new Line2D.Double(x + w, ty, x + w + style.px(5), ty));
            g.setColor(Style.INK);
            g.drawString(t.label(), x + w + style.px(8), (float) (ty + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
        return y + height;
    }

    /** Where a value sits on the bar; whole numbers at the middle of their block. */
    private static double valueToY(Key.Gradient key, double v, int top, int height) {
        double lo = key.min();
        double hi = key.max();
        if (key.wholeNumbers() && hi - lo <= 80) {
            double per = height / (hi - lo + 1);
            return top + (hi - v + 0.5) * per;
        }
        return hi > lo ? top + (hi - v) / (hi - lo) * height : top + height / 2.0;
    }

    private int paintTitle(Graphics2D g, String title, int x, int y) {
        g.setFont(style.keyTitleFont());
        g.setColor(Style.INK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, x, y + fm.getAscent());
        return y + titleHeight(g);
    }

    private int titleHeight(Graphics2D g) {
        return g.getFontMetrics(style.keyTitleFont()).getHeight() + style.px(4);
    }

    private int rowHeight(Graphics2D g) {
        return (int) Math.round(g.getFontMetrics(style.keyFont()).getHeight() * 1.25);
    }

    private int sampleLength() {
        return style.px(30);
    }

    private int barWidth() {
        return style.px(22);
    }

    record Tick(double value, String label) {
    }

    /** Round values on the bar, plus its lower end when that is not next to one. */
    static List<Tick> ticks(Key.Gradient key) {
        double lo = key.min();
        double hi = key.max();
        List<Tick> ticks = new ArrayList<>();
        if (!(hi > lo)) {
            ticks.add(new Tick(lo, format(lo, key.wholeNumbers())));
            return ticks;
        }
        double step = niceStep((hi - lo) / 5);
        if (key.wholeNumbers()) {
            step = Math.max(1, Math.round(step));
        }
        // ticks as whole multiples of the step, not a running sum: adding 0.2 to −0.6 three times
        // leaves −5.6e-17 (labelled "−5.55e−17"), and a multiple counted as a long is never −0
        long firstMultiple = (long) Math.ceil(lo / step - 1e-9);
        if (firstMultiple * step - lo >= 0.5 * step) {
            ticks.add(new Tick(lo, format(lo, key.wholeNumbers())));
        }
        for (long n = firstMultiple; n * step <= hi + 1e-9 * step; n++) {
            double v = n * step;
            ticks.add(new Tick(v, format(v, key.wholeNumbers())));
        }
        if (hi - ticks.getLast().value() >= 0.5 * step) {
            ticks.add(new Tick(hi, format(hi, key.wholeNumbers())));
        }
        return ticks;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * p;
    }

    private static String format(double v, boolean whole) {
        if (whole) {
            return TickLabels.trueMinus(Long.toString(Math.round(v)));
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return TickLabels.trueMinus(s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s);
    }
}
