package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunDirectorySink;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot --kind time} of a run that only rested: the open-circuit voltage drifts 200 µV
 * from 2.98290 V over ten hours, the current is zero throughout. Its voltage axis was ticked at
 * 2.9829713368, 2.9829863368 … (the issue this test was written for), then 2.98290, 2.98292 …
 * (six digits, four of them the same on every tick).
 */
class RestTimePlotTicksTest {
    @TempDir
    Path dir;

    @Test
    void aRestOnlyRunIsTickedAtRoundVoltagesWithTheStepsDecimals() throws Exception {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RecordedCell.openRun(run, "R1")) {
            sink.on(new RunStarted("R1", 0, new CellInfo("R1", "coin", "NMC811|Li6PS5Cl|Li-In", 0.002,
                    Double.NaN, Double.NaN, ""), "rest", "OCV", false));
            double nan = Double.NaN;
            int n = 600;
            for (int i = 0; i <= n; i++) {
                double t = i * 60.0;
                double v = 2.98290 + 200e-6 * i / n;
                sink.on(new SampleRecorded("R1", new Sample(t, RecordedCell.T0 + t, v, 0, 1, 1, 1, 0, 0, nan, nan, nan,
                        nan, nan, nan, nan, nan, 0, nan, nan, i + 1, 0, 0, nan, nan)));
            }
            sink.on(new RunEnded("R1", n * 60.0, Outcome.COMPLETED, "all steps done"));
        }
        PlotRequest request = TimePlotTest.request(List.of("R1"), CycleRange.ALL);
        Figure f = TimePlotTest.figure(run, request, new ByteArrayOutputStream());
        BufferedImage image = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        f.paint(g, request.width(), request.height());
        g.dispose();

        assertEquals(List.of("Voltage / V", "Current / A"), TimePlotTest.headings(f));
        List<AxisTicks.Tick> voltage = AxisTicks.y(f.panels().get(0));
        System.out.println("voltage ticks: " + voltage.stream().map(AxisTicks.Tick::label).toList());
        AxisTicks.check(voltage, "the rest's voltage");
        // labelled from an offset: −1.0 × 10⁻⁴ V + 2.983 V, shown beside the heading
        assertEquals("−1.0", voltage.getFirst().label(), "the lowest tick, at the first sample");
        assertEquals(2.98290, voltage.getFirst().parsed(), 1e-12);
        assertEquals("×10⁻⁴ + 2.983 V", f.panels().get(0).yNotation().text(f.panels().get(0).yUnit()));
        AxisTicks.check(AxisTicks.y(f.panels().get(1)), "the rest's current of zero");
    }
}
