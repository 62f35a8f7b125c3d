package io.cellbench.core.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.instrument.EisRequest.Mode;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * What the shared records promise their users: an EIS sweep's frequencies, a cycler's program
 * states, text a device left out read as empty, and what a message names.
 */
class InstrumentRecordsTest {

    @Test
    void aSweepOfSixDecadesAtTenPointsPerDecadeHas61LogSpacedFrequenciesFromItsStart() {
        double[] f = new EisRequest(Mode.POTENTIOSTATIC, 100e3, 0.1, 10, 0.01).frequencies();
        assertEquals(61, f.length);
        for (int i = 0; i < f.length; i++) {
            // 10 points per decade: f_i = 100 kHz / 10^(i/10)
            assertEquals(100e3 / Math.pow(10, i / 10.0), f[i], 1e-9 * f[i], "point " + i);
        }
    }

    @Test
    void aSweepUpwardsOrOverPartOfADecadeKeepsItsEndsAndDirection() {
        double[] up = new EisRequest(Mode.GALVANOSTATIC, 1, 1000, 5, 1e-4).frequencies();
        assertEquals(16, up.length);
        assertEquals(1, up[0], 1e-12);
        assertEquals(10, up[5], 1e-9);
        assertEquals(1000, up[15], 1e-9);
        // half a decade at 3 points per decade rounds to 2 intervals: 1 kHz, 562 Hz, 316 Hz
        double[] part = new EisRequest(Mode.POTENTIOSTATIC, 1000, 1000 / Math.sqrt(10), 3, 0.005).frequencies();
        assertEquals(3, part.length);
        assertArrayEquals(new double[] {1000, 1000 / Math.pow(10, 0.25), 1000 / Math.sqrt(10)}, part, 1e-9);
        // less than one interval still measures both ends
        assertArrayEquals(new double[] {1000, 900}, new EisRequest(Mode.POTENTIOSTATIC, 1000, 900, 1, 0.005)
                .frequencies(), 1e-9);
    }

    @Test
    void aSweepThatCannotBeMeasuredIsRefused() {
        for (double[] bad : new double[][] {{0, 1, 10, 0.01}, {1e5, -1, 10, 0.01}, {Double.NaN, 1, 10, 0.01},
                {1e5, 1, 0, 0.01}, {1e5, 1, 10, 0}, {1e5, 1, 10, Double.NaN}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new EisRequest(Mode.POTENTIOSTATIC, bad[0], bad[1], (int) bad[2], bad[3]));
            assertTrue(e.getMessage().startsWith("invalid EIS request: "), e.getMessage());
        }
    }

    @Test
    void aProgramHasEndedWhenFinishedStoppedOrProtectedOnly() {
        EnumSet<ProgramState> ended = EnumSet.noneOf(ProgramState.class);
        for (ProgramState s : ProgramState.values()) {
            if (s.ended()) {
                ended.add(s);
            }
        }
        // a paused program can be continued; an unknown state is not taken for an end
        assertEquals(EnumSet.of(ProgramState.FINISHED, ProgramState.STOPPED, ProgramState.PROTECTED), ended);
    }

    @Test
    void textADeviceLeftOutReadsAsEmptyNeverNull() {
        ProgramStatus status = new ProgramStatus(ProgramState.FINISHED, null, -1, -1, null, 3.2, 0, Double.NaN, 3600, Double.NaN);
        assertEquals("", status.cyclerState());
        assertEquals("", status.stepType());
        assertEquals("finish", new ProgramStatus(ProgramState.FINISHED, "finish", -1, -1, "rest", 3.2, 0, 0, 1, 1)
                .cyclerState());
        assertThrows(NullPointerException.class, () -> new ProgramStatus(null, "working", 1, 1, "cc", 3, 1, 0, 0, 0));
        assertEquals("", new ProgramRecord(1, 1, 1, null, 0, Double.NaN, 3.7, 0, 0, 0).stepType());
        assertEquals("dc", new ProgramRecord(1, 1, 1, "dc", 0, Double.NaN, 3.7, -1, 0, 0).stepType());
    }

    @Test
    void aCellNeedsAnIdAndACapacityAndReadsMissingTextAsEmpty() {
        CellInfo cell = new CellInfo("C1", null, null, 0.002, Double.NaN, Double.NaN, null);
        assertEquals("", cell.format());
        assertEquals("", cell.chemistry());
        assertEquals("", cell.notes());
        assertEquals("pouch", new CellInfo("C1", "pouch", "NMC811", 0.002, 1e-3, 2e-3, "n").format());
        assertThrows(NullPointerException.class, () -> new CellInfo(null, "", "", 1, 0, 0, ""));
        for (double capacity : new double[] {0, -0.002, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CellInfo("C7", "", "", capacity, 0, 0, ""));
            assertEquals("cell C7: nominal capacity must be > 0 Ah", e.getMessage());
        }
    }

    @Test
    void aProbeFactIsAWarningOnlyWhenItSaysWhatIsWrong() {
        VerifiedFact ok = VerifiedFact.ok("command language", "SCPI");
        assertFalse(ok.isWarning());
        assertNull(ok.warning());
        VerifiedFact warn = VerifiedFact.warn("command language", "TSP", "set the 2450 to SCPI");
        assertTrue(warn.isWarning());
        assertEquals("set the 2450 to SCPI", warn.warning());
    }

    @Test
    void aFailureNotTiedToACommandNamesOnlyTheInstrument() {
        InstrumentException e = new InstrumentException("emstat4", null, "link dropped", new java.io.IOException("EOF"));
        assertEquals("emstat4: link dropped", e.getMessage());
        assertNull(e.command());
        assertEquals("EOF", e.getCause().getMessage());
    }

    @Test
    void commandsDescribeThemselvesAsAnOperatorReadsThem() {
        assertEquals("rest", new ChannelCommand.OpenCircuit().describe());
        assertEquals("CC 0.001 A within 1.9..3.7 V", new ChannelCommand.Current(0.001, 1.9, 3.7).describe());
        assertEquals("CV 4.2 V, |I| ≤ 1.0E-4 A", new ChannelCommand.Voltage(4.2, 1e-4).describe());
        assertEquals("CP -0.5 W within 2.5..4.2 V", new ChannelCommand.Power(-0.5, 2.5, 4.2).describe());
        assertEquals("load 10.0 Ω", new ChannelCommand.Resistance(10).describe());
    }
}
