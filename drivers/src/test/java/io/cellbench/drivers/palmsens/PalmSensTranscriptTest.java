package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.testing.Transcript;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.Terminator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes the driver sends for a sweep and how it reads exact answers, against a
 * scripted peer. The packages are hand-encoded; their values are worked out in the comments.
 */
class PalmSensTranscriptTest {

    private static final EisRequest PEIS = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 10e3, 1, 1, 0.01);
    private static final PalmSensSettings MUX = PalmSensSettings.serial("unused").withMultiplexer(Multiplexer.MUX8_R2, 4);

    /** The PEIS script on multiplexer channel 3: 10 kHz → 1 Hz, 1 point per decade (5 points), 10 mV. */
    static final List<String> PEIS_SCRIPT = List.of(
            "e",
            "var p",
            "var f",
            "var r",
            "var j",
            "set_pgstat_chan 0",
            "set_pgstat_mode 3",
            "set_max_bandwidth 100k",
            "set_range ba 10m",
            "set_autoranging ba 100n 10m",
            "set_range ab 5",                         // the WE potential range: above a charged cell
            "set_autoranging ab 5 5",
            "mux_config 3i 0x0020",
            "mux_set_channel 3i",
            "meas_loop_ocp p 1 30",
            "endloop",
            "set_range_minmax da p p",
            "set_e p",
            "cell_on",
            "meas_loop_eis f r j 10m 10k 1 5 p",
            "pck_start",
            "pck_add f",
            "pck_add r",
            "pck_add j",
            "pck_end",
            "endloop",
            "on_finished:",
            "cell_off");

    /** Five packages, then the end of the loop and of the script (the empty line Transcript adds). */
    private static final String ANSWER = String.join("\n",
            "e",
            "M0000",                                  // the OCP loop (PalmSens' framing, Example_C/README.adoc)
            "*",                                      // end of the OCP loop
            "M0000",                                  // the sweep
            "Pdc8002710 ;cc8007A12m;cd7FF8E94m",     // 10000 Hz; 0x7A12 = 31250 mΩ; −0x716C = −29036 mΩ
            "Pdc80003E8 ;cc800C350m;cd7FF3CB0m",     // 1000 Hz; 50 Ω; −0xC350 mΩ = −50 Ω
            "Pdc8000064 ;cc8012345m;cd7FEDCBAm",     // 100 Hz; 0x12345 = 74565 mΩ; −0x12346 = −74566 mΩ
            "Pdc800000A ;cc8000064 ;cd7FFFF9C ",     // 10 Hz; 100 Ω; −100 Ω
            "Pdc80003E8m;cc80000C8 ;cd7FFFF38 ,14",  // 1000 mHz; 200 Ω; −200 Ω, status 4 in the metadata
            "*") + "\n";

    static Transcript opened() {
        return new Transcript()
                .send("")
                .query("Z", "Z!0006")
                .query("t", "tes4_hr2.1 #cellbench simulator\nRsim*");
    }

    static PalmSensEisAnalyzer open(Transcript t, PalmSensSettings settings) {
        return PalmSensEisAnalyzer.open(new LineFraming("eis-1", t, Terminator.LF),
                settings.withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)));
    }

    /** The script lines the driver sends for {@code request} (checked line by line in the tests above). */
    static List<String> script(EisRequest request, int muxChannel, PalmSensSettings settings) {
        return EisScript.lines(request, request.frequencies().length, muxChannel, settings);
    }

    private static void script(Transcript t, List<String> lines, String answer) {
        for (String line : lines) {
            t.send(line);
        }
        t.query("", answer);
    }

    @Test
    void openStopsAnyScriptAndReadsTheVersion() {
        Transcript t = opened();
        try (PalmSensEisAnalyzer eis = open(t, MUX)) {
            assertEquals("es4_hr2.1 #cellbench simulator Rsim", eis.identify());
            t.assertComplete();
        }
    }

    @Test
    void aPeisSweepSendsThisScriptAndDecodesThesePoints() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Transcript t = opened();
            script(t, PEIS_SCRIPT, ANSWER);
            try (PalmSensEisAnalyzer eis = open(t, MUX)) {
                List<ImpedancePoint> points = eis.measure(3, PEIS);
                assertEquals(List.of(
                        new ImpedancePoint(10_000, 31.25, -29.036),
                        new ImpedancePoint(1_000, 50, -50),
                        new ImpedancePoint(100, 74.565, -74.566),
                        new ImpedancePoint(10, 100, -100),
                        new ImpedancePoint(1, 200, -200)), points);
                t.assertComplete();
                assertEquals(1, t.opens());
            }
        });
    }

    @Test
    void aGeisSweepWithoutMultiplexerSendsThisScript() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Transcript t = opened();
            script(t, List.of(
                    "e", "var p", "var f", "var r", "var j",
                    "set_pgstat_chan 0",
                    "set_pgstat_mode 6",
                    "set_max_bandwidth 10M",
                    "set_range db 10m",
                    "set_autoranging db 10m 10m",
                    "set_range ab 5",
                    "set_autoranging ab 5 5",
                    "meas_loop_ocp p 1 5",
                    "endloop",
                    "set_i 0",
                    "cell_on",
                    "meas_loop_geis f r j 500u 1M 100k 2 0",
                    "pck_start", "pck_add f", "pck_add r", "pck_add j", "pck_end",
                    "endloop",
                    "on_finished:",
                    "cell_off"),
                    "e\nM0000\n*\nM0000\nPdc80F4240 ;cc8000020 ;cd7FFFFFF \nPdc80186A0 ;cc8000020 ;cd7FFFFFE \n*\n");
            try (PalmSensEisAnalyzer eis = open(t, PalmSensSettings.serial("unused").withOcpTime(Duration.ofSeconds(5)))) {
                List<ImpedancePoint> points = eis.measure(0,
                        new EisRequest(EisRequest.Mode.GALVANOSTATIC, 1e6, 1e5, 1, 500e-6));
                assertEquals(List.of(new ImpedancePoint(1e6, 32, -1), new ImpedancePoint(1e5, 32, -2)), points);
                t.assertComplete();
            }
        });
    }

    @Test
    void aScriptErrorNamesTheScriptLineAndTheDeviceStaysUsable() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Transcript t = opened();
            script(t, PEIS_SCRIPT, "e\nM0000\n*\n!4003: Line 20, Col 24\n");
            script(t, PEIS_SCRIPT, ANSWER);
            try (PalmSensEisAnalyzer eis = open(t, MUX)) {
                InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(3, PEIS));
                assertEquals("eis-1: 'meas_loop_eis': the device reports !4003 (argument out of range) at script line"
                        + " 20, column 24 'meas_loop_eis f r j 10m 10k 1 5 p' after 0 of 5 points", e.getMessage());
                assertEquals(5, eis.measure(3, PEIS).size());
                t.assertComplete();
                assertEquals(1, t.opens(), "read to the end of the failed script: no reconnect needed");
            }
        });
    }

    @Test
    void aMultiplexerChannelThatIsNotWiredIsRefusedBeforeAnythingIsSent() {
        Transcript t = opened();
        try (PalmSensEisAnalyzer eis = open(t, MUX)) {
            InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(5, PEIS));
            assertEquals("eis-1: 'meas_loop_eis': multiplexer channel 5 is not wired: the mux8-r2 has channels 1..4"
                    + " (mux_channels)", e.getMessage());
            t.assertComplete();
        }
        Transcript bare = opened();
        try (PalmSensEisAnalyzer eis = open(bare, PalmSensSettings.serial("unused"))) {
            InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(2, PEIS));
            assertEquals("eis-1: 'meas_loop_eis': multiplexer channel 2 asked for, but this analyzer has no multiplexer"
                    + " (set 'mux:' in the lab file); use channel 0", e.getMessage());
        }
    }

    @Test
    void aPackageThatCannotBeReadIsReportedWithTheLineShown() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Transcript t = opened();
            script(t, PEIS_SCRIPT, "e\nM0000\n*\nM0000\nPdc8002710 ;cc8007A1Xm;cd7FF8E94m\n");
            t.send(""); // the driver stops the device, newline first (PalmSens' abort_and_sync)
            t.query("Z", "Z\n"); // it answers Z and ends the script
            try (PalmSensEisAnalyzer eis = open(t, MUX)) {
                InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(3, PEIS));
                assertEquals("eis-1: 'meas_loop_eis': cannot read the answer 'Pdc8002710 ;cc8007A1Xm;cd7FF8E94m': field 2:"
                        + " 'X' is not a hex digit in value '8007A1Xm'", e.getMessage());
                t.assertComplete();
            }
        });
    }

    @Test
    void openReadsPastAScriptThatWasStillRunning() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // a previous session's sweep: a package in flight, then Z, then the end of that script
            Transcript t = new Transcript()
                    .send("")
                    .query("Z", "Pdc8002710 ;cc8007A12m;cd7FF8E94m\nZ\n")
                    .query("t", "tes4_hr2.1*");
            try (PalmSensEisAnalyzer eis = open(t, MUX)) {
                assertEquals("es4_hr2.1", eis.identify());
                t.assertComplete();
            }
        });
    }

    @Test
    void aLateAnswerToAnEarlierAbortBeforeTheEchoIsSkipped() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Transcript t = opened();
            script(t, PEIS_SCRIPT, "Z!0006\n" + ANSWER);
            try (PalmSensEisAnalyzer eis = open(t, MUX)) {
                assertEquals(5, eis.measure(3, PEIS).size());
                t.assertComplete();
            }
        });
    }
}
