package io.cellbench.daq.influx;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.Sample;
import io.cellbench.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every line the encoder writes for a fixed sequence of events, byte for byte: samples across a
 * cycle's end and into a half cycle the run ends in, a spectrum, every kind of event (with text
 * that line protocol must escape), a resumed cell, a cycle summary from elsewhere and an event of
 * the sink itself. It pins field names, their order, integer and float typing and the
 * timestamps, so that deriving the encoder from the table definitions (issue 12) changes none of
 * them; {@link PointEncoderTest} says why the values are what they are.
 *
 * <p>The golden file is {@value #GOLDEN}; a deliberate change rewrites it with
 * {@code -Dcellbench.golden=write} (docs/testing.md) and explains itself in its commit.
 */
class PointEncoderLinesTest {
    static final String GOLDEN = "daq/src/test/resources/io/cellbench/daq/influx/point-encoder-lines.txt";

    @Test
    void theLinesOfARunAreThoseOfBefore() {
        PointEncoder encoder = new PointEncoder(cell -> new SeriesTags("r 1", cell, "7", "maccor,\"x\""));
        LineProtocol lp = new LineProtocol();
        List<String> counts = new ArrayList<>();
        CellInfo a1 = new CellInfo("A1", "coin", "NMC811|LPSCl|Li-In", 0.001, Double.NaN, Double.NaN, "");
        encode(encoder, lp, counts, new RunEvent.RunStarted("A1", TestData.START_UNIX, a1, "formation \"fast\"", "",
                false));
        encode(encoder, lp, counts, new RunEvent.StepStarted("A1", 0.0, 1, 1, 1, "Charge at C/10 until 4.2 V"));
        for (int i : new int[] {0, 1, 2, 499, 500, 501, 998, 999}) {
            encode(encoder, lp, counts, TestData.recorded("A1", i));
        }
        encode(encoder, lp, counts, new RunEvent.StepEnded("A1", 99.9, 2, 2, "voltage <= 3.0 V"));
        encode(encoder, lp, counts, new RunEvent.SpectrumMeasured("A1", TestData.spectrum(99.95, 3)));
        encode(encoder, lp, counts, new RunEvent.Notice("A1", 99.95, Severity.WARNING,
                "pressure, off by 2 = \"much\"\nsecond line \\ end"));
        // cycle 2 only charges before the run ends: a half cycle
        for (int i : new int[] {1000, 1001, 1250}) {
            encode(encoder, lp, counts, TestData.recorded("A1", i));
        }
        encode(encoder, lp, counts, TestData.recorded("A1", 1250)); // the same instant again: one ns later
        encode(encoder, lp, counts, new RunEvent.SpectrumMeasured("A1", TestData.spectrum(125.0, 2)));
        encode(encoder, lp, counts, new RunEvent.RunEnded("A1", 125.0, Outcome.SAFETY_TRIP, "V > 4.3 V"));

        // a resumed cell: events before its first sample take the start's unix time
        CellInfo b1 = new CellInfo("B1", "pouch", "", 0.05, Double.NaN, Double.NaN, "notes");
        encode(encoder, lp, counts, new RunEvent.RunStarted("B1", TestData.START_UNIX + 3600, b1, "formation", "",
                true));
        encode(encoder, lp, counts, new RunEvent.Notice("B1", 7200.0, Severity.INFO, "resumed at step 3"));
        Sample resumed = TestData.sample(2001);
        encode(encoder, lp, counts, new RunEvent.SampleRecorded("B1", new Sample(7200.0, TestData.START_UNIX + 3600.5,
                resumed.voltageVolt(), resumed.currentAmpere(), resumed.cycleCount(), 5, 1,
                resumed.chargingCapacityAh(), Double.NaN, resumed.stepCapacityAh(), resumed.netCapacityAh(),
                resumed.cumulativeCapacityAh(), resumed.chargingEnergyWh(), Double.NaN, resumed.stepEnergyWh(),
                resumed.netEnergyWh(), resumed.cumulativeEnergyWh(), resumed.powerWatt(), 60e6, Double.NaN, 1, resumed.chargingCapacityAh(), Double.NaN, resumed.chargingEnergyWh(), Double.NaN)));
        encode(encoder, lp, counts, new RunEvent.RunEnded("B1", 7201.0, Outcome.STOPPED, ""));

        counts.add("encodeCycle: " + encoder.encodeCycle("C1", new CycleSummary(4, 10.0, 3600.0, 1e-3, 0.99e-3,
                3.8e-3, 3.6e-3, 0.99, 3.6 / 3.8, 3.8, 3.6363636363636362, 4.2, 3.0, 2.9, 4.2), TestData.START_UNIX + 10, lp));
        counts.add("encodeSinkEvent: " + encoder.encodeSinkEvent("r 1", Severity.ALARM, "backlog",
                "spool holds 12 lines", TestData.START_UNIX + 20, lp));

        List<String> text = new ArrayList<>();
        text.add("# PointEncoderLinesTest: the lines a fixed run encodes to, then how many lines each call reported.");
        text.addAll(lp.toString().lines().toList());
        text.add("");
        text.addAll(counts);
        Golden.assertMatchesFile(GOLDEN, String.join("\n", text) + "\n");
    }

    private static void encode(PointEncoder encoder, LineProtocol lp, List<String> counts, RunEvent event) {
        counts.add(event.getClass().getSimpleName() + " " + event.cellId() + ": " + encoder.encode(event, lp));
    }
}
