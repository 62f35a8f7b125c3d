package io.cellbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.data.SpectrumRow;
import io.cellbench.core.format.PlainJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a BDF export writes beside each cell's samples ({@code <cell>.bdf.csv}): the cell's
 * impedance spectra with BDF's impedance terms and the cell's voltage and current at each sweep
 * ({@code <cell>.eis.bdf.csv}, {@link BdfSpectra}) and a metadata file
 * ({@code <cell>.bdf.json}: the BDF version, the cell's chemistry, nominal capacity, area and
 * the rest of what the run recorded about it, and the applied pressure range of the exported
 * samples), because a CSV has no place for what the cell is.
 */
final class BdfExport {
    private final Map<String, Cell> cells = new HashMap<>();
    private final Map<String, double[]> sweepStarts;
    /** The cell of the previous sample: samples come a cell at a time, so most need no lookup. */
    private String lastCellId;
    private Cell lastCell;

    /** What is noted about one cell while its samples stream by. */
    private static final class Cell {
        final BdfSpectra.Levels levels;
        double minimumPressure = Double.NaN;
        double maximumPressure = Double.NaN;

        Cell(double[] sweepStarts) {
            levels = new BdfSpectra.Levels(sweepStarts);
        }
    }

    private BdfExport(Map<String, double[]> sweepStarts) {
        this.sweepStarts = sweepStarts;
    }

    /** An export of the filter's rows: notes when each cell's sweeps began, to give them the cell's level. */
    static BdfExport prepare(DataSource source, DataFilter filter) throws IOException {
        Map<String, TreeSet<Double>> starts = new HashMap<>();
        source.impedance(filter,
                (cell, p) -> starts.computeIfAbsent(cell, c -> new TreeSet<>()).add(p.testTimeSecond()));
        Map<String, double[]> sorted = new HashMap<>();
        starts.forEach((cell, times) -> sorted.put(cell, times.stream().mapToDouble(Double::doubleValue).toArray()));
        return new BdfExport(sorted);
    }

    /** Notes a sample: its applied pressure for the cell's metadata, its level for the cell's sweeps. */
    void sample(String cellId, double testTime, double voltage, double current, double pa) {
        Cell cell = lastCell;
        if (!cellId.equals(lastCellId)) {
            cell = cell(cellId);
            lastCellId = cellId;
            lastCell = cell;
        }
        cell.levels.sample(testTime, voltage, current);
        if (!Double.isNaN(pa)) {
            // NaN compares false both ways, so the first measured pressure starts the range
            boolean first = Double.isNaN(cell.minimumPressure);
            cell.minimumPressure = first || pa < cell.minimumPressure ? pa : cell.minimumPressure;
            cell.maximumPressure = first || pa > cell.maximumPressure ? pa : cell.maximumPressure;
        }
    }

    /** Writes each cell's spectra (the filter's) to {@code <cell>.eis.bdf.csv} in {@code directory}, in {@code version}'s terms. */
    void spectra(DataSource source, DataFilter filter, BdfVersion version, Path directory) throws IOException {
        List<CellFiles.Written> written;
        List<DataColumn<BdfSpectra.Row>> columns = BdfSpectra.columns(version);
        try (CellFiles<BdfSpectra.Row> files = new CellFiles<>(directory, ".eis.bdf.csv",
                (cell, f) -> ColumnCsvFile.create(f, columns, true))) {
            source.impedance(filter,
                    (cell, p) -> files.accept(cell, cell(cell).levels.row(row(p), p.testTimeSecond())));
            written = files.finish();
        }
        for (CellFiles.Written w : written) {
            System.out.printf(Locale.ROOT, "%s: %,d impedance points -> %s%n", w.cellId(), w.rows(), w.file());
        }
    }

    private Cell cell(String cellId) {
        return cells.computeIfAbsent(cellId, c -> new Cell(sweepStarts.getOrDefault(c, new double[0])));
    }

    /** Writes {@code <cell>.bdf.json} next to the cell's samples. */
    void metadata(DataSource source, String cellId, BdfVersion version, Path directory) throws IOException {
        ObjectMapper json = new ObjectMapper(PlainJson.factory()).enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode n = json.createObjectNode();
        n.put("bdf_version", version.number());
        n.put("bdf_schema", "https://github.com/battery-data-alliance/battery-data-format-ontology");
        // where it was exported from is a path of this machine, not something about the cell
        // sorted: the Arrow schema's metadata comes in no fixed order, and the file should not change with it
        new java.util.TreeMap<>(source.metadata(cellId)).forEach((k, v) -> {
            if (!k.equals("exported_from")) {
                n.put(k, v);
            }
        });
        Cell cell = cells.get(cellId);
        if (cell != null && !Double.isNaN(cell.minimumPressure)) {
            // as every file writes numbers (PlainJson): 60173576.71598137 Pa, not Jackson's 6.017357671598137E7
            n.putObject(SampleField.APPLIED_PRESSURE.columnName())
                    .put("min", cell.minimumPressure)
                    .put("max", cell.maximumPressure);
        }
        Path file = directory.resolve(CellFiles.fileName(cellId) + ".bdf.json");
        Files.writeString(file, json.writeValueAsString(n) + "\n", java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    /** The point as a row of its own one-point sweep (the file has no point index; rows keep sweep order). */
    private static SpectrumRow row(ImpedanceRow p) {
        Spectrum sweep = new Spectrum(p.testTimeSecond(), p.unixTimeSecond(), p.cycleCount(), p.stepCount(),
                p.stepIndex(), p.appliedPressurePa(), p.ambientTemperatureCelsius(), List.of(p.point()));
        return new SpectrumRow((int) p.spectrumIndex(), sweep, 0);
    }
}
