package io.cellbench.plot;

import io.cellbench.core.data.Sample;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How plotting copes with a month-long run: a synthetic 2 mAh cell cycled at C/3 with a
 * CC-CV charge for 30 days, logged every second (2.6 million samples), streamed through
 * the voltage-curve and dQ/dV collectors as RunReader would stream it, then drawn.
 * Also streamed into the time plot's voltage and current lines ({@link TimeEnvelope}) and drawn.
 * Prints samples per second, the points kept and the heap the collected curves hold.
 * <pre>scripts/bench plot PlotBenchmark [days]</pre>
 */
public final class PlotBenchmark {
    private static final double CAPACITY_AH = 0.002;

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long seconds = days * 86_400L;

        SortedSet<Integer> everyCycle = new TreeSet<>();
        for (int c = 1; c <= 10_000; c++) {
            everyCycle.add(c);
        }
        long heapBefore = usedHeap();
        VoltageCurves curves = new VoltageCurves(everyCycle, PlotInput.POINTS_PER_BRANCH, CAPACITY_AH * 1e-4);
        long t0 = System.nanoTime();
        long n = synthesise(seconds, curves);
        double curveSeconds = (System.nanoTime() - t0) * 1e-9;
        SortedMap<Integer, VoltageCurves.CycleCurve> voltage = curves.curves();
        long heapCurves = usedHeap() - heapBefore;
        long kept = voltage.values().stream().mapToLong(c -> c.charge().size() + c.discharge().size()).sum();

        DifferentialCapacity dqdv = new DifferentialCapacity(everyCycle, 0.005, CAPACITY_AH * 1e-4);
        t0 = System.nanoTime();
        synthesise(seconds, dqdv);
        double dqdvSeconds = (System.nanoTime() - t0) * 1e-9;

        System.out.printf("%d days at 1 s: %,d samples, %d cycles%n", days, n, voltage.size());
        System.out.printf("voltage curves: %.2f s (%,.0f samples/s), %,d points kept (%.1f per branch), ~%,d KB heap%n",
                curveSeconds, n / curveSeconds, kept, kept / (2.0 * voltage.size()), heapCurves / 1024);
        System.out.printf("dQ/dV bins:     %.2f s (%,.0f samples/s), %d cycles%n",
                dqdvSeconds, n / dqdvSeconds, dqdv.curves().size());

        timeLines(seconds);

        // draw every 2nd cycle (what the 60-curve cap picks for ~110 cycles) as the command would
        Style style = Style.forSize(1000, 700);
        List<Integer> drawnCycles = new ArrayList<>(voltage.keySet());
        ColourScale scale = Grids.cycleScale(drawnCycles);
        Panel p = new Panel(style, "Capacity (mAh)", "Voltage (V)", false, false);
        voltage.values().forEach(c -> {
            Curve both = c.charge().joinedWithGap(c.discharge());
            p.line(both.x(), both.y(), scale.colour(Grids.cycleLevel(c.cycle())), 1.3);
        });
        Figure figure = new Figure(style, "benchmark", 1, List.of(p), List.of(scale.key()));
        for (int round = 0; round < 3; round++) {
            draw(voltage.size() + " curves", figure);
        }
    }

    /** Draws the figure as PNG and as SVG and prints how long each took and how large it is. */
    private static void draw(String what, Figure figure) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        FigureWriter.png(figure, 1000, 700, png);
        double pngSeconds = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        FigureWriter.svg(figure, 1000, 700, svg);
        double svgSeconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("draw %s: PNG %.2f s (%,d KB), SVG %.2f s (%,d KB)%n", what, pngSeconds, png.size() / 1024,
                svgSeconds, svg.size() / 1024);
    }

    /** The time plot's voltage and current lines of the same month: collected, then drawn as two panels. */
    private static void timeLines(long seconds) throws Exception {
        TimeChoice choice = new TimeChoice(List.of());
        java.util.Set<TimeQuantity> wanted = choice.wanted(List.of("voltage", "current"));
        long heapBefore = usedHeap();
        TimeTraces traces = new TimeTraces(choice.candidates(), wanted, io.cellbench.daq.run.CycleRange.ALL,
                TimePlot.SPANS);
        double[] noAux = new double[0];
        long t0 = System.nanoTime();
        long n = synthesise(seconds, sample -> traces.accept(sample, noAux));
        double collectSeconds = (System.nanoTime() - t0) * 1e-9;
        long heap = usedHeap() - heapBefore;
        Style style = Style.forSize(1000, 700);
        List<Panel> panels = new ArrayList<>();
        long kept = 0;
        for (TimeQuantity q : wanted) {
            Curve line = traces.curve(q);
            kept += line.size();
            panels.add(new Panel(style, "Test Time / d", "", false, false).heading(q.label())
                    .line(new TimeAxis("d", 86400).of(line.x()), line.y(), CellLooks.colour(0), 1.4));
        }
        panels.getFirst().sharesXBelow();
        System.out.printf("time lines:     %.2f s (%,.0f samples/s), %,d points kept of %,d, ~%,d KB heap%n",
                collectSeconds, n / collectSeconds, kept, 2 * n, heap / 1024);
        Figure figure = new Figure(style, "benchmark", 1, panels, List.of());
        for (int round = 0; round < 3; round++) {
            draw("time lines", figure);
        }
    }

    /** A crude cell: V rises with state of charge; CC at C/3 to 3.7 V, CV to C/20, CC discharge to 1.9 V. */
    private static long synthesise(long seconds, Consumer<Sample> sink) {
        double i1c = CAPACITY_AH;
        double soc = 0;
        int cycle = 1;
        int step = 1;
        boolean charging = true;
        boolean hold = false;
        double chargeAh = 0;
        double dischargeAh = 0;
        double nan = Double.NaN;
        long n = 0;
        for (long t = 0; t < seconds; t++) {
            double current;
            double ocv = 3.0 + 0.55 * soc + 0.15 * Math.tanh((soc - 0.15) * 12);
            double voltage;
            if (charging) {
                if (!hold) {
                    current = i1c / 3;
                    voltage = ocv + 0.05;
                    if (voltage >= 3.7) {
                        hold = true;
                    }
                } else {
                    voltage = 3.7;
                    current = Math.max(i1c / 20, (3.7 - ocv) / 25);
                    if (current <= i1c / 20 * 1.0001) {
                        charging = false;
                        hold = false;
                        step++;
                    }
                }
                chargeAh += current / 3600;
                soc += current / 3600 / CAPACITY_AH;
            } else {
                current = -i1c / 3;
                voltage = ocv - 0.05;
                dischargeAh -= current / 3600;
                soc += current / 3600 / CAPACITY_AH;
                if (voltage <= 1.9 || soc <= 0) {
                    charging = true;
                    cycle++;
                    step++;
                    chargeAh = 0;
                    dischargeAh = 0;
                }
            }
            sink.accept(new Sample(t, t, voltage, current, cycle, step, charging ? 1 : 2, chargeAh, dischargeAh,
                    nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 1, chargeAh, dischargeAh, nan, nan));
            n++;
        }
        return n;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
