package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.impedance.FitReader;
import io.cellbench.daq.run.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule that names a circuit ({@code fit:}) has every sweep fitted during the run without
 * {@code --fit} (issue 16: "automatically after each EIS step when the protocol or schedule names
 * a circuit"), and {@code run --fit} still wins over it.
 */
class ScheduleFitRunTest {
    private static final String NAMED = "R0-p(R1,CPE1)-p(R2,CPE2)";

    @TempDir
    Path tmp;

    @Test
    void aScheduleThatNamesACircuitIsFittedWithIt() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("inputs"));
        Files.writeString(schedule, "fit: " + NAMED + "\n" + Files.readString(schedule));
        Path run = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        assertEquals(NAMED, FitReader.circuit(run));
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(run)) {
            for (String cell : ShortRun.CELLS) {
                List<String> warnings = new ArrayList<>();
                assertEquals(reader.spectra(cell).size(), FitReader.read(run, cell, allocator, warnings).size(), cell);
                assertEquals(List.of(), warnings);
            }
        }
        assertTrue(c.out().contains("fit: R_bulk"), "the summary shows the fitted resistances: " + c.out());
        // plot --fit without a circuit draws the one the run was fitted with
        Path svg = tmp.resolve("fit.svg");
        Console plot = Console.run("plot", run.toString(), "--kind", "nyquist", "--cell", "coin-1", "--fit", "-o",
                svg.toString());
        assertEquals(0, plot.exitCode(), plot.err());
        assertTrue(Files.readString(svg).contains(NAMED), "the key names the run's circuit");

        Path overridden = tmp.resolve("run-fit");
        Console d = Console.run("run", schedule.toString(), "--simulate", "--fit", "R0-p(R1,CPE1)", "--out",
                overridden.toString());
        assertEquals(0, d.exitCode(), d.out() + d.err());
        assertEquals("R0-p(R1,CPE1)", FitReader.circuit(overridden), "run --fit wins over the schedule's");
    }
}
