package io.cellbench.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One set of axes: an xchart {@link XYChart} that draws the data, ticks and grid, plus the
 * axis titles, which the {@link Figure} draws itself as real text. Axis ranges default to
 * the data with a small margin.
 */
final class Panel {
    private final XYChart chart;
    private final Style style;
    final String xTitle;
    final String yTitle;
    private final Extent xData;
    private final Extent yData;
    private AxisRange xRange;
    private AxisRange yRange;
    private boolean equalAspect;
    private boolean xLabelled = true;
    private String heading;
    private int series;

    Panel(Style style, String xTitle, String yTitle, boolean logX, boolean logY) {
        this.style = style;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.xData = new Extent(logX);
        this.yData = new Extent(logY);
        this.chart = new XYChart(Style.DEFAULT_WIDTH, Style.DEFAULT_HEIGHT);
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(logX);
        s.setYAxisLogarithmic(logY);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Style.FRAME);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(Style.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(style.width(1)));
        s.setPlotContentSize(1.0);
        s.setChartTitleVisible(false);
        s.setLegendVisible(false);
        s.setAxisTitlesVisible(false);
        s.setChartPadding(style.px(4));
        s.setAxisTickLabelsFont(style.tickFont());
        s.setAxisTickLabelsColor(Style.INK);
        s.setAxisTickMarksColor(Style.FRAME);
        s.setAxisTickMarkLength(style.px(6));
        s.setAxisTickPadding(style.px(6));
        s.setAxisTicksLineVisible(false);
        s.setYAxisLabelAlignment(org.knowm.xchart.style.AxesChartStyler.TextAlignment.Right);
        s.setPlotTicksMarksVisible(false);
        s.setMarkerSize(style.px(8));
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setXAxisTickMarkSpacingHint(style.px(90));
        s.setYAxisTickMarkSpacingHint(style.px(60));
        // every 1–9 multiple gets a grid line; TickLabels decides which of them carry a label
        s.setXAxisLogarithmicDecadeOnly(false);
        s.setYAxisLogarithmicDecadeOnly(false);
        s.setXAxisTickLabelsFormattingFunction(logX ? TickLabels.log(this::currentX) : TickLabels.linear(this::currentX));
        s.setYAxisTickLabelsFormattingFunction(logY ? TickLabels.log(this::currentY) : TickLabels.linear(this::currentY));
    }

    /** A curve; NaN in x or y breaks it (one series can hold both halves of a cycle). */
    Panel line(double[] x, double[] y, Color colour, double width) {
        XYSeries s = add(x, y);
        s.setLineColor(colour);
        s.setLineStyle(style.line(width));
        s.setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** A curve through markers. */
    Panel lineAndMarkers(double[] x, double[] y, Color colour, double width, Marker marker) {
        XYSeries s = add(x, y);
        s.setLineColor(colour);
        s.setLineStyle(style.line(width));
        s.setMarker(marker);
        s.setMarkerColor(colour);
        return this;
    }

    /** A dashed reference line (e.g. 100 % coulombic efficiency), not counted in the data range. */
    Panel reference(double[] x, double[] y) {
        XYSeries s = chart.addSeries("ref" + series++, x, y);
        s.setLineColor(Style.NEUTRAL);
        s.setLineStyle(new BasicStroke(style.width(1.2), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {style.width(6), style.width(5)}, 0));
        s.setMarker(SeriesMarkers.NONE);
        return this;
    }

    private XYSeries add(double[] x, double[] y) {
        xData.addAll(x);
        yData.addAll(y);
        return chart.addSeries("s" + series++, x, y);
    }

    Panel xRange(AxisRange r) {
        xRange = r;
        return this;
    }

    Panel yRange(AxisRange r) {
        yRange = r;
        return this;
    }

    /** The data's x bounds (for sharing an axis between panels). */
    Extent xData() {
        return xData;
    }

    Extent yData() {
        return yData;
    }

    /** One ohm on x is as long as one ohm on y (impedance plots). */
    Panel equalAspect() {
        equalAspect = true;
        return this;
    }

    /** Leaves out the x tick labels and title: a panel stacked above another with the same x axis. */
    Panel sharesXBelow() {
        xLabelled = false;
        chart.getStyler().setXAxisTicksVisible(false);
        return this;
    }

    /** A small heading above the axes (the cell, when a figure shows one panel per cell). */
    Panel heading(String text) {
        heading = text;
        return this;
    }

    String heading() {
        return heading;
    }

    boolean isEqualAspect() {
        return equalAspect;
    }

    boolean isXLabelled() {
        return xLabelled;
    }

    boolean isEmpty() {
        return xData.isEmpty() || yData.isEmpty();
    }

    XYChart chart() {
        return chart;
    }

    /** Fixes the axis ranges on the chart (from the data unless set). */
    void applyRanges() {
        XYStyler s = chart.getStyler();
        AxisRange x = currentX();
        AxisRange y = currentY();
        s.setXAxisMin(x.min());
        s.setXAxisMax(x.max());
        s.setYAxisMin(y.min());
        s.setYAxisMax(y.max());
    }

    AxisRange currentX() {
        if (xRange == null) {
            xRange = AxisRange.around(xData.lo(), xData.hi(), chart.getStyler().isXAxisLogarithmic());
        }
        return xRange;
    }

    AxisRange currentY() {
        if (yRange == null) {
            yRange = AxisRange.around(yData.lo(), yData.hi(), chart.getStyler().isYAxisLogarithmic());
        }
        return yRange;
    }

    /** The plot area (inside the frame) in chart coordinates, valid after the chart was painted. */
    Rectangle2D plotArea() {
        AxisRange x = currentX();
        AxisRange y = currentY();
        double left = chart.getScreenXFromChart(x.min());
        double right = chart.getScreenXFromChart(x.max());
        double top = chart.getScreenYFromChart(y.max());
        double bottom = chart.getScreenYFromChart(y.min());
        return new Rectangle2D.Double(left, top, right - left, bottom - top);
    }
}
