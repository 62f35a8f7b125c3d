package io.cellbench.cli.plot;

import io.cellbench.cli.ScheduleOrder;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.core.UserError;
import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Quantity;
import io.cellbench.core.quantity.QuantityParseException;
import io.cellbench.daq.run.RunReader;
import io.cellbench.daq.impedance.FitReader;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.plot.CapacityAxis;
import io.cellbench.plot.ColourBy;
import io.cellbench.plot.PlotKind;
import io.cellbench.plot.PlotRequest;
import io.cellbench.plot.Plots;
import io.cellbench.plot.ResistanceAxis;
import io.cellbench.plot.YRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a run's data as a PNG or SVG figure.",
            "  voltage   voltage against capacity, charge and discharge of each cycle",
            "  capacity  discharge capacity and coulombic efficiency against cycle",
            "  nyquist   impedance spectra, -Im Z against Re Z at equal scale",
            "  bode      |Z| and phase against frequency",
            "  dqdv      incremental capacity dQ/dV against voltage",
            "  drt       distribution of relaxation times, gamma against tau, peaks marked",
            "  resistance  fitted R_bulk, R_gb, R_int against cycle, pressure or temperature",
            "  time      voltage, current, pressure, temperatures against test time",
            "Curves are coloured by cycle; voltage and dqdv draw one panel per cell, the others overlay cells."},
        footer = {"", "Examples:",
            "  cellbench plot demo-run --kind voltage --cell coin-60MPa -o voltage.png",
            "  cellbench plot demo-run --kind capacity -o capacity.svg",
            "  cellbench plot demo-run --kind nyquist --cell coin-60MPa --cycles 2.. -o n.png",
            "  cellbench plot demo-run --kind bode --colour-by pressure -o bode.svg",
            "  cellbench plot demo-run --kind dqdv --every 5 --bin 10mV -o dqdv.png",
            "  cellbench plot demo-run --kind nyquist --cell coin-60MPa --cycles 6 --fit -o fit.svg",
            "  cellbench plot demo-run --kind drt --cell coin-60MPa -o drt.png",
            "  cellbench plot demo-run --kind resistance --against pressure -o r-pressure.png",
            "  cellbench plot demo-run --kind time --y voltage,current,pressure -o t.png",
            "  cellbench plot demo-run --kind time --y-range current=-1mA:1mA -o t.png",
            "", "See docs/plots.md for what each plot shows and how long runs are thinned."})
public final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory (written by run or demo).")
    Path directory;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "voltage, capacity, nyquist, bode, dqdv, drt, resistance or time.")
    PlotKind kind;

    @Option(names = "--cell", paramLabel = "ID", description = "A cell to plot (repeatable; default: every cell of the run).")
    List<String> cells = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "The image to write: .png or .svg (an existing image is replaced; never a run's recorded files).")
    Path out;

    @Option(names = "--cycles", paramLabel = "FROM..TO", description = "Only cycles in this range, e.g. 2..20, 5.. or 7.")
    String cycles;

    @Option(names = "--every", paramLabel = "N",
            description = "voltage, dqdv: draw every N-th cycle, N from 1 (default: all, thinned to at most "
                    + Plots.MAX_CURVES + " curves).")
    Integer every;

    @Option(names = {"--colour-by", "--color-by"}, paramLabel = "WHAT", defaultValue = "auto",
            description = "nyquist, bode: colour spectra by cycle or pressure; auto (default) picks pressure "
                    + "when a cell's spectra were taken at different pressures.")
    ColourBy colourBy;

    @Option(names = "--capacity-axis", paramLabel = "WHAT", defaultValue = "auto",
            description = "capacity: mah, percent (of each cell's nominal capacity) or auto (default): percent when"
                    + " the cells' nominal capacities differ more than threefold, so a coin cell beside a pouch shows.")
    CapacityAxis capacityAxis;

    @Option(names = "--bin", paramLabel = "VOLTAGE", defaultValue = "5 mV",
            description = "dqdv: voltage bin width (default: ${DEFAULT-VALUE}).")
    String bin;

    @Option(names = "--fit", arity = "0..1", paramLabel = "CIRCUIT", fallbackValue = "",
            description = "nyquist, bode: fit an equivalent circuit to each spectrum and draw it over the measured"
                    + " points, the circuit and the last spectrum's resistances in the key (impedance.py's notation;"
                    + " when the circuit is left out: the one the run's sweeps were fitted with, else "
                    + SolidStateCircuit.CIRCUIT + "). See docs/plots.md.")
    String fit;

    @Option(names = "--against", paramLabel = "WHAT",
            description = "resistance: draw the fitted resistances against cycle (default: each cycle's last fitted"
                    + " sweep), pressure or temperature (every fitted sweep, at the value recorded with it).")
    ResistanceAxis against;

    @Option(names = "--y", split = ",", paramLabel = "QUANTITY",
            description = "time: what to draw against test time, one panel each: voltage, current, pressure,"
                    + " temperature, power or a column's name (an imported file's temperature_t1_celsius); pressure"
                    + " and temperature include an imported file's aux columns in Pa or degC (default: voltage,"
                    + " current, pressure, temperature and the aux columns, those recorded).")
    List<String> quantities = new ArrayList<>();

    @Option(names = "--y-range", paramLabel = "NAME=MIN:MAX",
            description = "A y axis from MIN to MAX instead of over the data (repeatable): in the unit the panel shows"
                    + " (voltage=2.5:4.3) or with a unit (current=-1mA:1mA); an end left out keeps the data's"
                    + " (current=0:). NAME: time: as --y takes it; voltage: voltage; capacity: capacity, efficiency;"
                    + " bode: impedance, phase; dqdv: dqdv; drt: gamma; resistance: resistance. Data outside is cut"
                    + " off by the axis.")
    List<String> yRanges = new ArrayList<>();

    @Option(names = "--width", paramLabel = "PX", defaultValue = "" + Plots.DEFAULT_WIDTH,
            description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "" + Plots.DEFAULT_HEIGHT,
            description = "Image height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    static final int MIN_SIZE = 300;
    static final int MAX_SIZE = 8000;

    @Override
    public Integer call() throws IOException {
        Plots.requireImageFile(out);
        io.cellbench.cli.OutputRule.requireOutputFile(out, f -> true, "");
        checkSize("--width", width);
        checkSize("--height", height);
        if (every != null && every < 1) {
            throw new UserError("--every takes a whole number of 1 or more (1 draws every cycle, 5 every fifth), got "
                    + every + "; leave it out to draw all cycles, thinned to at most " + Plots.MAX_CURVES);
        }
        double binVolt = binVolt(bin);
        List<YRange> ranges = yRanges.stream().map(YRange::parse).toList();
        CycleRange range = CycleRange.parse(cycles);
        if (!Files.isDirectory(directory)) {
            throw new UserError("no run directory at " + directory);
        }
        String circuit = fit;
        if (circuit != null && circuit.isBlank()) {
            // --fit alone: the circuit the run was fitted with, so the plot shows the run's own fits
            String run = FitReader.circuit(directory);
            circuit = run != null ? run : SolidStateCircuit.CIRCUIT;
        }
        try (RunReader reader = RunReader.open(directory)) {
            // the schedule's order, so a cell keeps its colour from run to run (also for a run.json of
            // an older cellbench, which listed the cells in the order they started)
            List<String> ids = ScheduleOrder.of(directory, reader.cells());
            for (String c : cells) {
                if (!ids.contains(c)) {
                    throw new UserError("run " + directory + " has no cell '" + c + "'; it has: " + String.join(", ", ids));
                }
            }
            List<String> chosen = cells.isEmpty() ? ids : List.copyOf(new java.util.LinkedHashSet<>(cells));
            if (chosen.isEmpty()) {
                throw new UserError("run " + directory + " has no cells yet");
            }
            Plots.write(reader, new PlotRequest(kind, chosen, range, every == null ? 0 : every, colourBy, capacityAxis,
                    binVolt, width, height, circuit, against, quantities, ranges), out, System.err);
        }
        System.out.println("wrote " + out);
        return 0;
    }

    /** --bin as volts; a value without a unit, or in another unit, says so without listing every unit there is. */
    static double binVolt(String text) {
        double volt;
        try {
            volt = Quantity.parse(text, Dimension.VOLTAGE).si();
        } catch (QuantityParseException e) {
            throw new UserError("--bin takes a voltage such as 5mV or 0.01 V, between 0.1 mV and 500 mV; got '" + text
                    + "' (" + e.problem() + ")");
        }
        if (!(volt >= 1e-4 && volt <= 0.5)) {
            throw new UserError("--bin takes a voltage such as 5mV, between 0.1 mV and 500 mV; got " + text);
        }
        return volt;
    }

    private static void checkSize(String option, int px) {
        if (px < MIN_SIZE || px > MAX_SIZE) {
            throw new UserError(option + " must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, got " + px);
        }
    }
}
