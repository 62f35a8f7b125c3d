package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.testing.Transcript;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.drivers.transport.Terminator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep's reply framed as PalmSens documents it (MethodSCRIPT_Examples, Example_C/README.adoc,
 * "Parsing the measurement data packages"): {@code e}, then each measurement loop between
 * {@code M0000} and {@code *}, then the empty line that ends the script; the Python README
 * writes the first two on one line ({@code eM0000}). The package is the EIS one of the C README
 * ("Sample output", EIS on a 10 kΩ dummy cell): {@code PdcDF5DFF4u;cc896D904m,10,287;cd82DB1A8u,10,287}
 * → 100.0 Hz (0xDF5DFF4 − 0x8000000 = 99 999 732 µHz), Zreal 9885.956 Ω, Zimag 2.995 Ω.
 */
class PalmSensFramingTest {

    /** 100 Hz and 10 Hz. */
    private static final EisRequest ONE_POINT = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 100, 10, 1, 0.01);
    private static final String TEN_HZ = "Pdc800000A ;cc8000064 ;cd7FFFF9C "; // 10 Hz; 100 Ω; −100 Ω
    private static final String DOCUMENTED_EIS_PACKAGE = "PdcDF5DFF4u;cc896D904m,10,287;cd82DB1A8u,10,287";
    private static final ImpedancePoint DOCUMENTED_EIS_POINT = new ImpedancePoint(99.999732, 9885.956, 2.9946);

    private static Transcript scripted(String answer) {
        Transcript t = PalmSensTranscriptTest.opened();
        for (String line : PalmSensTranscriptTest.script(ONE_POINT, 1, PalmSensSettings.serial("unused"))) {
            t.send(line);
        }
        t.query("", answer);
        return t;
    }

    private static List<ImpedancePoint> sweep(Transcript t) {
        try (PalmSensEisAnalyzer eis = PalmSensTranscriptTest.open(t, PalmSensSettings.serial("unused"))) {
            return eis.measure(0, ONE_POINT);
        }
    }

    private static void assertDocumentedPoint(List<ImpedancePoint> points) {
        assertEquals(2, points.size());
        assertEquals(new ImpedancePoint(10, 100, -100), points.get(1));
        ImpedancePoint p = points.get(0);
        assertEquals(DOCUMENTED_EIS_POINT.frequencyHz(), p.frequencyHz(), 1e-9);
        assertEquals(DOCUMENTED_EIS_POINT.zRealOhm(), p.zRealOhm(), 1e-9);
        assertEquals(DOCUMENTED_EIS_POINT.zImagOhm(), p.zImagOhm(), 1e-9);
    }

    @Test
    void eachMeasurementLoopBetweenM0000AndStar_asTheCReadmeWritesIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Transcript t = scripted(String.join("\n", "e", "M0000", "*", "M0000", DOCUMENTED_EIS_PACKAGE, TEN_HZ, "*") + "\n");
            assertDocumentedPoint(sweep(t));
            t.assertComplete();
        });
    }

    @Test
    void theEchoAndTheFirstLoopStartOnOneLine_asThePythonReadmeWritesIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Transcript t = scripted(String.join("\n", "eM0000", "*", "M0000", DOCUMENTED_EIS_PACKAGE, TEN_HZ, "*") + "\n");
            assertDocumentedPoint(sweep(t));
            t.assertComplete();
        });
    }

    @Test
    void aSimulatorThatWritesThePythonReadmesFormIsRead() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (EisBench bench = new EisBench()) {
                bench.simulator.joinEcho(true);
                int port = bench.simulator.startTcp();
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings.serial("unused")
                        .withTransport(new TransportSettings.Tcp("127.0.0.1", port, Duration.ofSeconds(2))))) {
                    EisBench.assertSameSpectrum(eis.measure(1, EisBench.SWEEP), bench.twin.measure(1, EisBench.SWEEP));
                }
            }
        });
    }

    @Test
    void aPackageOutsideAnyMeasurementLoopOrAnUnmatchedEndIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Transcript t = scripted(String.join("\n", "e", "M0000", "*", "*") + "\n");
            t.send("");
            t.query("Z", "Z\n"); // the driver stops the device (newline first, as PalmSens' abort_and_sync)
            try (PalmSensEisAnalyzer eis = PalmSensTranscriptTest.open(t, PalmSensSettings.serial("unused"))) {
                InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(0, ONE_POINT));
                assertTrue(e.getMessage().startsWith("eis-1: 'meas_loop_eis': cannot read the answer '*': "),
                        e.getMessage());
            }
        });
    }
}
