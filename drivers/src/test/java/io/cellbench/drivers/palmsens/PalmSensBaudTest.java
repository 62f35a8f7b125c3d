package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.fixtures.wire.SocatPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baud rate over a real pty. PalmSens documents 921600 for an EmStat4 and 230400 for one on
 * firmware 1.1 or older (MethodSCRIPT_Examples, Example_C/.../src/example.c) and for the EmStat
 * Pico (Example_C/README.adoc). The simulator talks at the rate its firmware implies and, like a
 * UART, ignores a driver that set another one on its end of the line.
 */
class PalmSensBaudTest {

    private static final EisRequest SHORT = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 100e3, 10e3, 5, 0.01);

    @TempDir
    Path dir;

    @Test
    void anEmStat4AfterFirmware11AnswersAtTheDefaultRate() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (SocatPair pair = SocatPair.start(dir); EisBench bench = new EisBench()) {
                assertEquals(921600, bench.simulator.baud());
                bench.simulator.startSerial(pair.instrumentEnd(), pair.driverEnd());
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1",
                        PalmSensSettings.serial(pair.driverEnd().toString()))) {
                    assertEquals(List.of(VerifiedFact.ok("device", "EmStat4 HR"),
                            VerifiedFact.ok("firmware", "es4_hr2.1 #cellbench simulator Rpalmsens-sim"),
                            VerifiedFact.ok("baud rate", "921600 (as PalmSens documents for the EmStat4 HR on firmware 2.1)")),
                            eis.verified());
                    assertEquals(6, eis.measure(1, SHORT).size());
                }
            }
        });
    }

    @Test
    void anEmStat4OnFirmware11AnswersAt230400_theDriverFallsBackAndSaysSo() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (SocatPair pair = SocatPair.start(dir); EisBench bench = new EisBench()) {
                bench.simulator.firmware("es4_hr1.1");
                assertEquals(230400, bench.simulator.baud());
                bench.simulator.startSerial(pair.instrumentEnd(), pair.driverEnd());
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings
                        .serial(pair.driverEnd().toString()).withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2)))) {
                    VerifiedFact baud = eis.verified().get(2);
                    assertEquals(VerifiedFact.warn("baud rate", "230400 (921600 got no answer)", "set 'baud: 230400' in"
                            + " the lab file (PalmSens documents 230400 for the EmStat4 HR on firmware 1.1)"), baud);
                    assertEquals(6, eis.measure(1, SHORT).size());
                }
            }
        });
    }

    @Test
    void aLineNothingAnswersOnNamesTheRatesTried() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (SocatPair pair = SocatPair.start(dir)) {
                InstrumentException e = assertThrows(InstrumentException.class, () -> PalmSensFactory.open("eis-1",
                        PalmSensSettings.serial(pair.driverEnd().toString())
                                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300))));
                assertTrue(e.getMessage().startsWith("eis-1: 'connect': no MethodSCRIPT answer at 921600 or 230400 baud on "
                        + pair.driverEnd()), e.getMessage());
            }
        });
    }
}
