package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fitted curve drawn over a spectrum is the circuit's impedance at the curve's frequencies:
 * on a spectrum made from a known R-(R‖C), the curve equals the known circuit's Z (not just the
 * fit's own numbers), it spans the measured range, and the key names the circuit and the fitted
 * resistances.
 */
class FitOverlayTest {
    private static final double R0 = 10;
    private static final double R1 = 50;
    private static final double C1 = 1e-5;

    /** Z of R0 + R1 ‖ C1, written out here independently of the impedance module. */
    private static double[] trueZ(double f) {
        double w = 2 * Math.PI * f;
        double a = w * R1 * C1;
        double d = 1 + a * a;
        return new double[] {R0 + R1 / d, -R1 * a / d};
    }

    private static SpectrumSet.Measurement measurement(int cycle) {
        List<ImpedancePoint> points = new ArrayList<>();
        for (int i = 0; i <= 60; i++) { // 100 kHz to 100 mHz, 10 per decade
            double f = 1e5 * Math.pow(10, -i / 10.0);
            double[] z = trueZ(f);
            points.add(new ImpedancePoint(f, z[0], z[1]));
        }
        Spectrum s = new Spectrum(0, 0, cycle, 1, 1, Double.NaN, 25, points);
        return new SpectrumSet.Measurement("coin-1", 0, s, new ColourScale.Level(Integer.toString(cycle), cycle),
                Color.BLUE);
    }

    @Test
    void theCurveIsTheCircuitsImpedanceAtItsFrequencies() {
        FitOverlay overlay = FitOverlay.of("R0-p(R1,C1)");
        FitOverlay.Fitted fit = overlay.fit(measurement(3));
        assertEquals(R0, fit.fit().value("R0"), 1e-3 * R0);
        assertEquals(R1, fit.fit().value("R1"), 1e-3 * R1);

        double[] f = fit.frequencyHz();
        assertEquals(1e5, f[0], 1e-6);
        assertEquals(0.1, f[f.length - 1], 1e-12);
        assertEquals(6 * FitOverlay.POINTS_PER_DECADE + 1, f.length, "40 points per decade over six decades");
        double[] re = fit.real();
        double[] negIm = fit.negativeImaginary();
        double[] modulus = fit.modulus();
        double[] negPhase = fit.negativePhaseDegree();
        for (int i = 0; i < f.length; i++) {
            double[] z = trueZ(f[i]);
            double scale = Math.hypot(z[0], z[1]);
            assertEquals(z[0], re[i], 1e-4 * scale, "Re Z at " + f[i] + " Hz");
            assertEquals(-z[1], negIm[i], 1e-4 * scale, "−Im Z at " + f[i] + " Hz");
            assertEquals(scale, modulus[i], 1e-4 * scale, "|Z| at " + f[i] + " Hz");
            assertEquals(-Math.toDegrees(Math.atan2(z[1], z[0])), negPhase[i], 0.01, "−phase at " + f[i] + " Hz");
        }
    }

    @Test
    void theKeyNamesTheCircuitAndTheLastSpectrumsResistances() {
        FitOverlay overlay = FitOverlay.of("R0-p(R1,C1)");
        List<FitOverlay.Fitted> fits = overlay.fit(List.of(measurement(2), measurement(5)), System.err);
        Key.Entries key = (Key.Entries) overlay.key(fits);
        List<String> labels = key.entries().stream().map(Key.Entry::label).toList();
        assertEquals("R0-p(R1,C1)", labels.get(0));
        assertTrue(key.entries().get(0).line(), "the circuit's entry shows the curve's line");
        assertEquals("coin-1, cycle 5", labels.get(1));
        assertTrue(labels.get(2).startsWith("R0 = 10.00 Ω ± "), labels.toString());
        assertTrue(labels.get(3).startsWith("R1 = 50.00 Ω ± "), labels.toString());
        assertEquals(4, labels.size(), "the capacitance is not a key parameter: " + labels);
    }

    @Test
    void aSpectrumThatCannotBeFittedIsSaidAndDrawnWithoutACurve() {
        SpectrumSet.Measurement good = measurement(1);
        Spectrum two = good.spectrum().withPoints(good.spectrum().points().subList(0, 2));
        SpectrumSet.Measurement tooShort = new SpectrumSet.Measurement("coin-1", 0, two, good.level(), Color.RED);
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        List<FitOverlay.Fitted> fits = FitOverlay.of("R0-p(R1,C1)")
                .fit(List.of(tooShort, good), new PrintStream(notes, true, StandardCharsets.UTF_8));
        assertEquals(1, fits.size());
        assertTrue(fits.get(0).measurement() == good);
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains("coin-1 cycle 1: no fit of R0-p(R1,C1) drawn"),
                notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadCircuitSaysWhere() {
        UserError e = assertThrows(UserError.class, () -> FitOverlay.of("R0-p(R1,C1"));
        assertTrue(e.getMessage().startsWith("--fit: circuit 'R0-p(R1,C1', column 11:"), e.getMessage());
    }
}
