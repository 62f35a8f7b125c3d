package io.cellbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.core.data.SpectrumRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a BDF export writes beside each cell's samples ({@code <cell>.bdf.csv}): the cell's
 * impedance spectra with BDF's impedance terms ({@code <cell>.eis.bdf.csv}) and a metadata file
 * ({@code <cell>.bdf.json}: the BDF version, the cell's chemistry, nominal capacity, area and
 * the rest of what the run recorded about it, and the applied pressure range of the exported
 * samples), because a CSV has no place for what the cell is.
 */
final class BdfExport {
    /** The spectra file's columns: the BDF terms of the spectrum table (its sweep counter is cellbench's own). */
    static final List<DataColumn<SpectrumRow>> SPECTRUM_COLUMNS = Arrays.stream(SpectrumField.values())
            .filter(SpectrumField::bdf).<DataColumn<SpectrumRow>>map(f -> f).toList();

    private final Map<String, double[]> pressure = new HashMap<>();

    /** Notes a sample's applied pressure for its cell's metadata. */
    void sample(String cellId, double appliedPressurePa) {
        if (!Double.isNaN(appliedPressurePa)) {
            double[] range = pressure.computeIfAbsent(cellId, c -> new double[] {appliedPressurePa, appliedPressurePa});
            range[0] = Math.min(range[0], appliedPressurePa);
            range[1] = Math.max(range[1], appliedPressurePa);
        }
    }

    /** Writes each cell's spectra (the filter's) to {@code <cell>.eis.bdf.csv} in {@code directory}. */
    static void spectra(DataSource source, DataFilter filter, Path directory) throws IOException {
        List<CellFiles.Written> written;
        try (CellFiles<SpectrumRow> files = new CellFiles<>(directory, ".eis.bdf.csv",
                (cell, f) -> ColumnCsvFile.create(f, SPECTRUM_COLUMNS, true))) {
            source.impedance(filter, (cell, p) -> files.accept(cell, row(p)));
            written = files.finish();
        }
        for (CellFiles.Written w : written) {
            System.out.printf(Locale.ROOT, "%s: %,d impedance points -> %s%n", w.cellId(), w.rows(), w.file());
        }
    }

    /** Writes {@code <cell>.bdf.json} next to the cell's samples. */
    void metadata(DataSource source, String cellId, BdfVersion version, Path directory) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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
        double[] range = pressure.get(cellId);
        if (range != null) {
            n.putObject(SampleField.APPLIED_PRESSURE.columnName()).put("min", range[0]).put("max", range[1]);
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
