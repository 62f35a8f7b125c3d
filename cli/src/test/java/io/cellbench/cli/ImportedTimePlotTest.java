package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunReader;
import io.cellbench.plot.CapacityAxis;
import io.cellbench.plot.ColourBy;
import io.cellbench.plot.PlotKind;
import io.cellbench.plot.PlotRequest;
import io.cellbench.plot.Plots;
import io.cellbench.plot.TimeSeries;
import io.cellbench.testing.ReferenceData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot --kind time} of imported Neware files: the aux thermocouples and aux voltage of two
 * real .ndax files (ImportAuxColumnsTest's), drawn against test time and compared with what
 * Neware's own BTSDA software exports for the same files (fastnda's Parquet references); and the
 * command's refusals, each a message without a stack trace and without a file.
 */
class ImportedTimePlotTest {
    /** ndc 2: an aux voltage and temperature per record (BTSDA: V1(mV), T1(?)); 28 records. */
    private static final String NDC2 = "neware/fastnda/scrubbed_ndc2.ndax";
    /** ndc 14: two aux temperatures (BTSDA: T1(?), T2(?)); 301 records, 1 s apart. */
    private static final String UNIT27 = "neware/NewareNDA/nda/github/Issue94/123456789012_Unit27_Example_Data_File.ndax";

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void importFiles() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ReferenceData.require(NDC2), in.resolve("ndc2.ndax"));
        Files.copy(ReferenceData.require(UNIT27), in.resolve("unit27.ndax"));
        run = tmp.resolve("run");
        Console c = Console.run("import", in.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
    }

    private static List<TimeSeries> series(String cell, String... quantities) throws Exception {
        PlotRequest request = new PlotRequest(PlotKind.TIME, List.of(cell), CycleRange.ALL, 0, ColourBy.AUTO,
                CapacityAxis.AUTO, 0.005, Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, null, List.of(quantities));
        try (RunReader reader = RunReader.open(run)) {
            return Plots.timeSeries(reader, request, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void theThermocouplesAreDrawnAsNewaresOwnExportHasThem() throws Exception {
        List<TimeSeries> lines = series("unit27", "temperature");
        // an import has no chamber temperature: temperature is the file's two thermocouples
        assertEquals(List.of("Temperature T1 / degC", "Temperature T2 / degC"), lines.stream().map(TimeSeries::panel).toList());
        double[] totalTime = ImportAuxColumnsTest.btsda(UNIT27, "Total Time");
        assertEquals(301, totalTime.length);
        for (TimeSeries line : lines) {
            assertEquals("s", line.timeUnit(), "five minutes are drawn in seconds");
            // 301 samples, each in a span of its own: every one is drawn (BTSDA rounds total time to 0.01 s)
            assertArrayEquals(totalTime, line.time(), 0.0101, line.panel());
            String column = line.panel().contains("T1") ? "T1(?)" : "T2(?)";
            assertArrayEquals(ImportAuxColumnsTest.btsda(UNIT27, column), line.values(), 0.051, line.panel());
        }
    }

    @Test
    void anAuxVoltageIsDrawnByItsColumnNameAndAllOfAFilesColumnsByDefault() throws Exception {
        List<TimeSeries> aux = series("ndc2", "aux1_voltage_volt");
        assertEquals(1, aux.size());
        double[] v1 = ImportAuxColumnsTest.btsda(NDC2, "V1(mV)");
        assertEquals("aux1_voltage_volt / V", aux.getFirst().panel());
        for (int i = 0; i < v1.length; i++) {
            assertEquals(v1[i] / 1000, aux.getFirst().values()[i], 6e-5, "V1 at record " + i);
        }
        Path svg = tmp.resolve("ndc2.svg");
        Console c = Console.run("plot", run.toString(), "--kind", "time", "--cell", "ndc2", "-o", svg.toString());
        assertEquals(0, c.exitCode(), c.err());
        String text = Files.readString(svg);
        for (String heading : List.of("Voltage / V", "Current / ", "Temperature T1 / degC", "aux1_voltage_volt / V",
                "Test Time / ")) {
            assertTrue(text.contains(">" + heading), heading + " is not drawn");
        }
    }

    private static String refused(String... args) {
        Path out = tmp.resolve("refused.png");
        String[] argv = java.util.stream.Stream.concat(java.util.stream.Stream.of("plot", run.toString(), "-o",
                out.toString()), java.util.Arrays.stream(args)).toArray(String[]::new);
        Console c = Console.run(argv);
        assertEquals(2, c.exitCode(), c.out() + c.err());
        assertFalse(c.err().contains("\tat ") || c.err().contains("Exception"), "stack trace shown: " + c.err());
        assertFalse(Files.exists(out), out + " was written");
        return c.err().strip();
    }

    @Test
    void quantitiesThatAreNotThereAreRefusedNamingThoseThatAre() {
        assertEquals("error: --y: no quantity 'presure'; choose from voltage, current, pressure, temperature,"
                + " power or a column of the run's imported files: temperature_t1_celsius, temperature_t2_celsius",
                refused("--kind", "time", "--cell", "unit27", "--y", "voltage,presure"));
        assertEquals("error: --y pressure: no pressure was recorded in the data of unit27; recorded: voltage,"
                + " current, temperature, power, temperature_t1_celsius, temperature_t2_celsius",
                refused("--kind", "time", "--cell", "unit27", "--y", "pressure"));
        assertEquals("error: --y chooses the quantities of the time plot only, not voltage",
                refused("--kind", "voltage", "--y", "pressure"));
    }
}
