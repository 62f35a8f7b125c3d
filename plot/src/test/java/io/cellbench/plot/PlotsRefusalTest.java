package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.CycleRange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that do not belong to the kind of plot asked for are refused with a message naming
 * both, before the run is read (the reader here is null: touching it would throw a
 * NullPointerException instead of the message) and before any file is written.
 */
class PlotsRefusalTest {
    @TempDir
    Path dir;

    private static PlotRequest request(PlotKind kind, String fit, ResistanceAxis against) {
        return new PlotRequest(kind, List.of("A1"), CycleRange.ALL, 0, ColourBy.AUTO, CapacityAxis.AUTO, 0.005,
                Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, fit, against);
    }

    @Test
    void aFitIsDrawnOverSpectraOnly() throws Exception {
        Path out = dir.resolve("v.png");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        UserError e = assertThrows(UserError.class, () -> Plots.write(null, request(PlotKind.VOLTAGE, "R0-p(R1,C1)", null),
                out, new PrintStream(notes, true, StandardCharsets.UTF_8)));
        assertEquals("--fit draws the fitted circuit over nyquist and bode plots only, not voltage", e.getMessage());
        UserError dqdv = assertThrows(UserError.class,
                () -> Plots.write(null, request(PlotKind.DQDV, "R0-p(R1,C1)", null), out, System.out));
        assertEquals("--fit draws the fitted circuit over nyquist and bode plots only, not dqdv", dqdv.getMessage());
        assertEquals(0, notes.size());
        assertEquals(false, Files.exists(out));
    }

    @Test
    void againstChoosesTheAxisOfTheResistancePlotOnly() {
        Path out = dir.resolve("c.svg");
        UserError e = assertThrows(UserError.class,
                () -> Plots.write(null, request(PlotKind.CAPACITY, null, ResistanceAxis.PRESSURE), out, System.out));
        assertEquals("--against chooses the x axis of the resistance plot only, not capacity", e.getMessage());
        assertEquals(false, Files.exists(out));
    }
}
