package io.cellbench.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A figure: a title, a grid of {@link Panel}s and a strip of {@link Key}s on the right.
 * xchart draws each panel's data, ticks and grid; the figure lays the panels out, lines up
 * the plot areas of panels in the same column (so stacked panels share their x axis
 * visibly), keeps impedance plots at one ohm per ohm, and draws every title and key label
 * with drawString, so that an SVG export carries them as text.
 */
final class Figure {
    private final Style style;
    private final String title;
    private final int columns;
    private final List<Panel> panels;
    private final List<Key> keys;
    /** Panels the plot could have drawn but did not, by --y-range name: how to draw each. */
    private Map<String, String> undrawn = Map.of();

    Figure(Style style, String title, int columns, List<Panel> panels, List<Key> keys) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs a panel");
        }
        this.style = style;
        this.title = title;
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        this.panels = List.copyOf(panels);
        this.keys = List.copyOf(keys);
    }

    String title() {
        return title;
    }

    /** The panels, top to bottom (for checking what a figure draws). */
    List<Panel> panels() {
        return panels;
    }

    List<Key> keys() {
        return keys;
    }

    /** Tells {@code --y-range} which names stand for panels not drawn, and the option that draws each. */
    Figure undrawn(Map<String, String> howToDraw) {
        undrawn = Map.copyOf(howToDraw);
        return this;
    }

    /** How to draw the panel {@code name} stands for, when the plot could draw it; else null. */
    String howToDraw(String name) {
        return undrawn.get(name);
    }

    void paint(Graphics2D g, int width, int height) {
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        int pad = style.px(16);
        FontMetrics titleMetrics = g.getFontMetrics(style.titleFont());
        int titleBand = title == null || title.isEmpty() ? 0 : titleMetrics.getHeight() + style.px(8);
        KeyPainter keyPainter = new KeyPainter(style);
        int keyBand = keys.isEmpty() ? 0 : keyPainter.width(g, keys) + style.px(14);
        Rectangle grid = new Rectangle(pad, pad + titleBand, width - 2 * pad - keyBand, height - 2 * pad - titleBand);
        Rectangle[] charts = fit(g, grid);

        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            Rectangle r = charts[i];
            Graphics2D sub = (Graphics2D) g.create();
            sub.translate(r.x, r.y);
            sub.clip(new Rectangle(0, 0, r.width, r.height));
            p.chart().paint(sub, r.width, r.height);
            hints(sub);
            p.paintData(sub);
            sub.dispose();
            hints(g);
            Rectangle2D plot = p.plotArea();
            plot.setRect(plot.getX() + r.x, plot.getY() + r.y, plot.getWidth(), plot.getHeight());
            paintAxisTitles(g, p, plot, cell(g, grid, i));
        }
        Rectangle2D firstPlot = plotOf(0, charts);
        Rectangle2D lastPlot = plotOf(panels.size() - 1, charts);
        if (titleBand > 0) {
            java.awt.Font font = style.titleFont();
            while (g.getFontMetrics(font).stringWidth(title) > width - 2 * pad && font.getSize() > 8) {
                font = font.deriveFont(font.getSize2D() - 1);
            }
            g.setFont(font);
            g.setColor(Style.INK);
            int w = g.getFontMetrics().stringWidth(title);
            double centre = columns == 1 ? firstPlot.getCenterX() : grid.getCenterX();
            double x = Math.max(pad, Math.min(centre - w / 2.0, width - pad - w));
            g.drawString(title, (float) x, pad + titleMetrics.getAscent());
        }
        if (!keys.isEmpty()) {
            keyPainter.paint(g, keys, width - pad - keyBand + style.px(14), (int) firstPlot.getY(),
                    (int) Math.max(lastPlot.getMaxY(), firstPlot.getMaxY()));
        }
    }

    private Rectangle2D plotOf(int i, Rectangle[] charts) {
        Rectangle2D plot = panels.get(i).plotArea();
        return new Rectangle2D.Double(plot.getX() + charts[i].x, plot.getY() + charts[i].y,
                plot.getWidth(), plot.getHeight());
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private int rowGap() {
        return panels.getFirst().isXLabelled() ? style.px(22) : style.px(12);
    }

    /**
     * Where panel {@code i} goes, its titles included. In a stack sharing one x axis, the bottom
     * row is taller by its x tick labels and title, so every panel's plot area is as high (as
     * matplotlib's shared-x subplots): split evenly, the bottom panel of five stacked in 700 px was
     * left 66 px, too little for xchart to keep a y scale.
     */
    private Rectangle cell(Graphics2D g, Rectangle grid, int i) {
        int colGap = style.px(28);
        int rows = rows();
        int foot = rows > 1 && !panels.getFirst().isXLabelled() ? xAxisBand(g) : 0;
        int cellW = (grid.width - (columns - 1) * colGap) / columns;
        int cellH = (grid.height - (rows - 1) * rowGap() - foot) / rows;
        int r = i / columns;
        int c = i % columns;
        return new Rectangle(grid.x + c * (cellW + colGap), grid.y + r * (cellH + rowGap()), cellW,
                cellH + (r == rows - 1 ? foot : 0));
    }

    /** The height of an x axis's tick labels (with their marks and padding, as Panel sets them) and title. */
    private int xAxisBand(Graphics2D g) {
        return g.getFontMetrics(style.tickFont()).getHeight() + style.px(12) + axisTitleBand(g);
    }

    private int axisTitleBand(Graphics2D g) {
        return g.getFontMetrics(style.axisTitleFont()).getHeight() + style.px(6);
    }

    /** Where each chart goes: its cell less the bands for the axis titles and the heading. */
    private Rectangle[] layout(Graphics2D g, Rectangle grid) {
        FontMetrics heading = g.getFontMetrics(style.keyTitleFont());
        int axisBand = axisTitleBand(g);
        Rectangle[] charts = new Rectangle[panels.size()];
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            Rectangle c = cell(g, grid, i);
            // the heading and the y axis's multiplier or offset stand above the plot area
            int top = p.hasTopBand() ? heading.getHeight() + style.px(4) : 0;
            int bottom = p.isXLabelled() ? axisBand : 0;
            // a panel named by its heading (plot --kind time) has no rotated y title to make room for
            int left = p.yTitle.isEmpty() ? 0 : axisBand;
            charts[i] = new Rectangle(c.x + left, c.y + top, c.width - left, c.height - top - bottom);
        }
        return charts;
    }

    /**
     * Sets the axis ranges, aligns the plot areas of each column and, for impedance panels,
     * widens one axis until an ohm is as long on both. Tick labels change with the ranges
     * and their width moves the plot area, so it takes a few rounds on a scratch canvas;
     * returns where each chart goes.
     */
    private Rectangle[] fit(Graphics2D target, Rectangle grid) {
        Rectangle[] charts = layout(target, grid);
        BufferedImage scratchImage = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D scratch = scratchImage.createGraphics();
        scratch.setRenderingHints(target.getRenderingHints());
        try {
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < panels.size(); i++) {
                    Panel p = panels.get(i);
                    p.applyRanges();
                    p.spaceTicks(charts[i].width, charts[i].height, round == 0 ? 0 : p.plotArea().getWidth());
                    p.chart().getStyler().setYAxisLeftWidthHint(0);
                    p.chart().paint(scratch, charts[i].width, charts[i].height);
                }
                for (int c = 0; c < columns; c++) {
                    int widest = 0;
                    for (int i = c; i < panels.size(); i += columns) {
                        widest = Math.max(widest, (int) Math.ceil(panels.get(i).chart().getYAxisLeftWidth()));
                    }
                    for (int i = c; i < panels.size(); i += columns) {
                        panels.get(i).chart().getStyler().setYAxisLeftWidthHint(widest);
                        panels.get(i).chart().paint(scratch, charts[i].width, charts[i].height);
                    }
                }
                boolean changed = round == 0;
                for (int i = 0; i < panels.size(); i++) {
                    Panel p = panels.get(i);
                    changed |= p.learnTickSteps();
                    Rectangle2D plot = p.plotArea();
                    if (!(plot.getWidth() > 1 && plot.getHeight() > 1)) {
                        // xchart found no room for ticks and dropped its scale: the curves would vanish
                        throw new IllegalStateException("panel " + (i + 1) + " '" + p.yTitle + "' ("
                                + (p.heading() == null ? "" : p.heading() + ", ") + charts[i].width + "×"
                                + charts[i].height + " px) has no plot area: " + plot);
                    }
                    if (p.isEqualAspect()) {
                        changed |= equalise(p);
                    }
                }
                // a multiplier or offset that came or went on a y axis takes or frees a band above it
                Rectangle[] again = layout(target, grid);
                if (!Arrays.equals(again, charts)) {
                    charts = again;
                    changed = true;
                }
                if (!changed) {
                    break;
                }
            }
        } finally {
            scratch.dispose();
        }
        return charts;
    }

    private static boolean equalise(Panel p) {
        Rectangle2D plot = p.plotArea();
        AxisRange x = p.currentX();
        AxisRange y = p.currentY();
        double perPixelX = x.span() / plot.getWidth();
        double perPixelY = y.span() / plot.getHeight();
        if (Math.abs(perPixelX / perPixelY - 1) < 0.002) {
            return false;
        }
        if (perPixelX > perPixelY) {
            p.yRange(y.widenedTo(perPixelX * plot.getHeight()));
        } else {
            p.xRange(x.widenedTo(perPixelY * plot.getWidth()));
        }
        p.applyRanges();
        return true;
    }

    private void paintAxisTitles(Graphics2D g, Panel p, Rectangle2D plot, Rectangle cell) {
        g.setFont(style.axisTitleFont());
        g.setColor(Style.INK);
        FontMetrics fm = g.getFontMetrics();
        if (p.isXLabelled()) {
            int baseline = cell.y + cell.height - fm.getDescent();
            // the x axis's multiplier or offset at its right end, below the tick labels (as matplotlib)
            String note = p.xNotation().text(p.xUnit());
            double noteLeft = plot.getMaxX() - g.getFontMetrics(style.tickFont()).stringWidth(note);
            int w = fm.stringWidth(p.xTitle);
            double x = plot.getCenterX() - w / 2.0;
            if (!note.isEmpty()) {
                x = Math.max(cell.x, Math.min(x, noteLeft - style.px(12) - w));
                g.setFont(style.tickFont());
                g.drawString(note, (float) noteLeft, baseline);
                g.setFont(style.axisTitleFont());
            }
            g.drawString(p.xTitle, (float) x, baseline);
        }
        if (p.yTitle.isEmpty()) {
            paintHeading(g, p, plot, cell);
            return;
        }
        AffineTransform saved = g.getTransform();
        double x = cell.x + fm.getAscent();
        double y = plot.getCenterY() + fm.stringWidth(p.yTitle) / 2.0;
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(p.yTitle, 0, 0);
        g.setTransform(saved);
        paintHeading(g, p, plot, cell);
    }

    /** The heading, then the y axis's multiplier or offset, above the plot area (where matplotlib puts it). */
    private void paintHeading(Graphics2D g, Panel p, Rectangle2D plot, Rectangle cell) {
        g.setFont(style.keyTitleFont());
        int baseline = cell.y + g.getFontMetrics().getAscent();
        float x = (float) plot.getX();
        if (p.heading() != null) {
            g.drawString(p.heading(), x, baseline);
            x += g.getFontMetrics().stringWidth(p.heading()) + style.px(12);
        }
        String note = p.yNotation().text(p.yUnit());
        if (!note.isEmpty()) {
            g.setFont(style.tickFont());
            g.drawString(note, x, baseline);
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }
}
