package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {
    private final Style style = Style.forSize(1000, 700);

    private static void paint(Figure figure, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        figure.paint(g, width, height);
        g.dispose();
    }

    @Test
    void anImpedancePanelHasOneOhmAsLongOnBothAxes() {
        for (int[] size : new int[][] {{1000, 700}, {700, 1000}, {1600, 500}}) {
            Panel p = new Panel(Style.forSize(size[0], size[1]), "Re Z (Ω)", "−Im Z (Ω)", false, false).equalAspect();
            p.line(new double[] {20, 60, 100, 180}, new double[] {0, 20, 10, 90}, java.awt.Color.BLUE, 1.5);
            paint(new Figure(Style.forSize(size[0], size[1]), "t", 1, List.of(p), List.of()), size[0], size[1]);
            Rectangle2D plot = p.plotArea();
            double xPerPixel = p.currentX().span() / plot.getWidth();
            double yPerPixel = p.currentY().span() / plot.getHeight();
            assertEquals(1, xPerPixel / yPerPixel, 0.01, "ohm per pixel, x against y, at " + size[0] + "×" + size[1]);
            assertEquals(AxisRange.around(20, 180, false).min(), p.currentX().min(), 1e-9, "x keeps its lower end");
            assertEquals(AxisRange.around(0, 90, false).min(), p.currentY().min(), 1e-9, "y keeps its lower end");
        }
    }

    @Test
    void stackedPanelsLineUpTheirPlotAreas() {
        Panel top = new Panel(style, "Cycle", "Discharge capacity (mAh)", false, false).sharesXBelow();
        Panel bottom = new Panel(style, "Cycle", "Coulombic efficiency (%)", false, false);
        top.line(new double[] {1, 2, 3}, new double[] {1.7012345, 1.70, 1.69}, java.awt.Color.BLUE, 1.5);
        bottom.line(new double[] {1, 2, 3}, new double[] {85, 99, 99.5}, java.awt.Color.BLUE, 1.5);
        AxisRange x = new AxisRange(0.5, 3.5, false);
        top.xRange(x);
        bottom.xRange(x);
        paint(new Figure(style, "t", 1, List.of(top, bottom), List.of()), 1000, 700);
        assertEquals(top.plotArea().getX(), bottom.plotArea().getX(), 0.5);
        assertEquals(top.plotArea().getWidth(), bottom.plotArea().getWidth(), 0.5);
    }

    /** Stacked panels headed by their quantity (plot --kind time), with or without a rotated y title. */
    private double plotWidth(String yTitle) {
        List<Panel> panels = new java.util.ArrayList<>();
        for (String heading : List.of("Voltage / V", "Current / mA")) {
            Panel p = new Panel(style, "Test Time / h", yTitle, false, false).heading(heading);
            p.line(new double[] {0, 4, 8}, new double[] {2.9, 3.4, 4.2}, java.awt.Color.BLUE, 1.4);
            panels.add(p);
        }
        panels.getFirst().sharesXBelow();
        paint(new Figure(style, "t", 1, panels, List.of()), 1000, 700);
        assertEquals(panels.get(0).plotArea().getWidth(), panels.get(1).plotArea().getWidth(), 0.5);
        return panels.getLast().plotArea().getWidth();
    }

    @Test
    void panelsWithoutAYTitleLeaveNoBandForOne() {
        // the band for a rotated title is the axis title font's height and 6 px (29 px at 1000 × 700)
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        double band = g.getFontMetrics(style.axisTitleFont()).getHeight() + style.px(6);
        g.dispose();
        double withTitle = plotWidth("Voltage / V");
        double headedOnly = plotWidth("");
        assertEquals(band, headedOnly - withTitle, 1, "the plot area takes the band a y title would have had");
    }
}
