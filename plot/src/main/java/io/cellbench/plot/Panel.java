package io.cellbench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One set of axes. xchart draws the frame, grid, ticks and tick labels (from a hidden
 * series: its own series renderer draws every segment as a separate line, which makes an
 * SVG of a long curve megabytes large); the panel draws the data itself, one path per
 * curve, simplified to what shows at screen resolution. The {@link Figure} draws the axis
 * titles as real text. Axis ranges default to the data with a small margin.
 */
final class Panel {
    private final XYChart chart;
    private final Style style;
    private final List<Trace> traces = new ArrayList<>();
    private int markerSize;
    final String xTitle;
    final String yTitle;
    private final Extent xData;
    private final Extent yData;
    private AxisRange xRange;
    private AxisRange yRange;
    private boolean equalAspect;
    private boolean xLabelled = true;
    private boolean wholeNumbersOnX;
    private String heading;
    /** What --y-range calls this panel's y axis (the first is the name its messages list); none: it takes no range. */
    private List<String> rangeNames = List.of();
    /** Once the y axis showed a multiplier or offset, the band above the plot that holds it stays. */
    private boolean noteBand;
    /** The linear axes' labels (null on a log axis), which learn the tick step from each layout. */
    private final LinearTickLabels xLabels;
    private final LinearTickLabels yLabels;
    /** The log axes' labels (null on a linear axis), which learn the axis's length from each layout. */
    private final LogTickLabels xLog;
    private final LogTickLabels yLog;

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
        markerSize = style.px(8);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        // every 1–9 multiple gets a grid line; TickLabels decides which of them carry a label
        s.setXAxisLogarithmicDecadeOnly(false);
        s.setYAxisLogarithmicDecadeOnly(false);
        xLabels = logX ? null : new LinearTickLabels(this::currentX);
        yLabels = logY ? null : new LinearTickLabels(this::currentY);
        xLog = logX ? new LogTickLabels(this::currentX, style.tickFont(), true) : null;
        yLog = logY ? new LogTickLabels(this::currentY, style.tickFont(), false) : null;
        s.setXAxisTickLabelsFormattingFunction(logX ? xLog : xLabels);
        s.setYAxisTickLabelsFormattingFunction(logY ? yLog : yLabels);
        // xchart lays out ticks only around a visible series; this one has no line and no markers
        XYSeries frame = chart.addSeries("frame", new double[] {1, 2}, new double[] {1, 2});
        frame.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        frame.setMarker(SeriesMarkers.NONE);
    }

    /** A curve; NaN in x or y breaks it (one series can hold both halves of a cycle). */
    Panel line(double[] x, double[] y, Color colour, double width) {
        return add(new Trace(x, y, colour, style.line(width), null), true);
    }

    /** A curve through markers. */
    Panel lineAndMarkers(double[] x, double[] y, Color colour, double width, Marker marker) {
        return add(new Trace(x, y, colour, style.line(width), marker), true);
    }

    /** Markers alone, not joined (measured points under a fitted curve, the peaks of a DRT). */
    Panel markers(double[] x, double[] y, Color colour, Marker marker) {
        return add(new Trace(x, y, colour, null, marker), true);
    }

    /** A dashed reference line (e.g. 100 % coulombic efficiency), not counted in the data range. */
    Panel reference(double[] x, double[] y) {
        BasicStroke dashed = new BasicStroke(style.width(1.2), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {style.width(6), style.width(5)}, 0);
        return add(new Trace(x, y, Style.NEUTRAL, dashed, null), false);
    }

    /** Marker size in pixels for the curves drawn with markers. */
    Panel markerSize(int px) {
        markerSize = px;
        return this;
    }

    private Panel add(Trace t, boolean counts) {
        if (counts) {
            xData.addAll(t.x());
            yData.addAll(t.y());
        }
        traces.add(t);
        return this;
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

    /** Ticks x at whole numbers only (cycle numbers): at least one unit apart. */
    Panel wholeNumbersOnX() {
        wholeNumbersOnX = true;
        return this;
    }

    /**
     * Sets xchart's tick spacing (it spaces ticks by pixels, not by value) for a chart of this
     * size. With room for fewer than about three ticks xchart draws none and loses its scale;
     * and it also measures the x spacing against the chart's height (an x spacing larger than
     * the plot is tall does the same), so the x hint stays under 60 % of the height and a
     * third of the width, the y hint under a quarter of the height. On a whole-number axis
     * the x spacing is widened, within that limit, so ticks are at least one unit apart
     * (xchart's steps are 1, 2 or 5 × 10ⁿ, so a step of at least one lands on whole
     * numbers); {@code plotWidth} is the plot area's width from the last layout, or 0 before
     * the first.
     */
    void spaceTicks(int chartWidth, int chartHeight, double plotWidth) {
        int x = style.px(90);
        if (wholeNumbersOnX && plotWidth > 0) {
            x = Math.max(x, (int) Math.ceil(plotWidth / currentX().span() * 1.02));
        }
        x = Math.min(x, Math.min(chartWidth / 3, chartHeight * 3 / 5));
        chart.getStyler().setXAxisTickMarkSpacingHint(x);
        chart.getStyler().setYAxisTickMarkSpacingHint(Math.min(style.px(60), chartHeight / 4));
    }

    /**
     * After a layout: the linear axes' labels take the tick step xchart just chose, the log axes'
     * the axis length; true when one changed, so the figure lays the panel out again.
     */
    boolean learnTickSteps() {
        Rectangle2D plot = plotArea();
        boolean changed = xLabels != null ? xLabels.learn() : xLog.learn(plot.getWidth());
        return (yLabels != null ? yLabels.learn() : yLog.learn(plot.getHeight())) || changed;
    }

    /** How the x tick labels are written: their multiplier and offset, shown once by the figure. */
    AxisNotation xNotation() {
        return xLabels == null ? AxisNotation.PLAIN : xLabels.notation();
    }

    AxisNotation yNotation() {
        return yLabels == null ? AxisNotation.PLAIN : yLabels.notation();
    }

    /**
     * Whether the figure leaves a band above the plot area: for the heading, or for the y axis's
     * multiplier or offset. The band stays once taken: a band makes the plot lower, which can make
     * the step coarser and the labels plain, and freeing it again would bring the notation back.
     */
    boolean hasTopBand() {
        noteBand |= !yNotation().isPlain();
        return heading != null || noteBand;
    }

    /** The y axis's unit, from its title or heading ("Voltage / V", "Voltage (V)": V), for the offset shown. */
    String yUnit() {
        return unitOf(yTitle.isEmpty() && heading != null ? heading : yTitle);
    }

    String xUnit() {
        return unitOf(xTitle);
    }

    static String unitOf(String title) {
        int slash = title.lastIndexOf(" / ");
        if (slash >= 0) {
            return title.substring(slash + 3).strip();
        }
        int open = title.lastIndexOf(" (");
        return open >= 0 && title.endsWith(")") ? title.substring(open + 2, title.length() - 1) : "";
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

    /** The names --y-range knows this panel's y axis by ({@link YRanges}), the first listed in messages. */
    Panel rangeNames(String... names) {
        rangeNames = List.of(names);
        return this;
    }

    List<String> rangeNames() {
        return rangeNames;
    }

    /** A small heading above the axes (the cell, when a figure shows one panel per cell). */
    Panel heading(String text) {
        heading = text;
        return this;
    }

    /** The lines and markers drawn, in drawing order (for checking what a figure draws). */
    List<Trace> traces() {
        return List.copyOf(traces);
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
        // One point inside the range, one NaN. xchart takes a series' values, with the axis ends, as
        // the ticks themselves when they look evenly spaced, judged to within 1e-4 in data units:
        // points at the ends gave ticks at the ends only, and two points at a quarter and three
        // quarters gave ticks at those points on any span under 4e-4 (a rest's 200 µV drift was
        // ticked at 2.9829713368 …). A NaN never looks evenly spaced, and xchart draws nothing for it.
        chart.updateXYSeries("frame", new double[] {x.at(0.25), Double.NaN}, new double[] {y.at(0.25), Double.NaN}, null);
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

    /**
     * Draws the curves onto {@code g}, which is in chart coordinates (as the chart was just
     * painted), clipped to the plot area.
     */
    void paintData(Graphics2D g) {
        Rectangle2D plot = plotArea();
        Graphics2D d = (Graphics2D) g.create();
        try {
            d.clip(plot);
            ScreenMap map = new ScreenMap(plot, currentX(), currentY());
            BasicStroke markerOutline = new BasicStroke(style.width(1));
            for (Trace t : traces) {
                t.paint(d, map, markerSize, markerOutline);
            }
        } finally {
            d.dispose();
        }
    }
}
