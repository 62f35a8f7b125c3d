package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Log axes as drawn, on the spans that broke them. */
class LogAxisTicksTest {

    private static List<String> texts(LogAxisTicks.Axis a) {
        return a.labels().stream().map(LogAxisTicks.Label::text).toList();
    }

    @Test
    void theDemoBodeImpedanceAxisIsLabelledDownToItsLowEnd() {
        // docs/images/plot-bode.png: |Z| from 24 to 276 Ω was labelled 50, 100, 200 only, the
        // third of the axis below 50 Ω (the high-frequency end, near 20-30 Ω) without a number
        LogAxisTicks.Axes axes = LogAxisTicks.draw(27, 245, 1000, 700);
        System.out.println("|Z| 27 .. 245 Ω: " + texts(axes.y()));
        LogAxisTicks.check(axes.y(), "|Z|");
        assertEquals("30", texts(axes.y()).getFirst(), "the lowest label is the first round value on the axis");
    }
}
