package io.cellbench.daq.impedance;

import io.cellbench.daq.arrow.Segments;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.impedance.table.FitField;
import io.cellbench.impedance.table.SweepField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Reads back the fits a run made (a cell's fits.arrows segments, in order). A segment cut short
 * by a crash gives the sweeps before the cut and a warning.
 */
public final class FitReader {

    private FitReader() {
    }

    /** Whether the cell has any fits file. */
    public static boolean hasFits(Path runDirectory, String cellId) throws IOException {
        return !Segments.list(RunLayout.cellDirectory(runDirectory, cellId), CellFits.FITS).isEmpty();
    }

    /**
     * The circuit a run's sweeps were fitted with (its fits files' {@code circuit} metadata), or
     * null when no cell has fits: what a resume fits its new sweeps with.
     */
    public static String circuit(Path runDirectory) throws IOException {
        Path cells = runDirectory.resolve(RunLayout.CELLS);
        if (!Files.isDirectory(cells)) {
            return null;
        }
        List<Path> dirs;
        try (var list = Files.list(cells)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            for (Path file : Segments.list(dir, CellFits.FITS)) {
                try (org.apache.arrow.memory.RootAllocator allocator = new org.apache.arrow.memory.RootAllocator();
                     InputStream in = Files.newInputStream(file);
                     ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
                    String circuit = reader.getVectorSchemaRoot().getSchema().getCustomMetadata().get("circuit");
                    if (circuit != null) {
                        return circuit;
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // a file cut short before its schema: look at the next
                }
            }
        }
        return null;
    }

    /**
     * The cell's fitted sweeps in the order they were measured (by spectrum index: a resumed run
     * fits the sweeps its killed process left unfitted after those it measured itself); problems
     * go to {@code warnings}.
     */
    public static List<FittedSweep> read(Path runDirectory, String cellId, BufferAllocator allocator,
                                         List<String> warnings) throws IOException {
        List<FittedSweep> sweeps = new ArrayList<>();
        for (Path file : Segments.list(RunLayout.cellDirectory(runDirectory, cellId), CellFits.FITS)) {
            try (InputStream in = Files.newInputStream(file);
                 ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                while (reader.loadNextBatch()) {
                    for (int i = 0; i < root.getRowCount(); i++) {
                        sweeps.add(row(root, i));
                    }
                }
            } catch (IOException | RuntimeException e) {
                warnings.add(file + ": fits after row " + sweeps.size() + " not read (" + e.getMessage() + ")");
            }
        }
        sweeps.sort(java.util.Comparator.comparingInt(FittedSweep::spectrumIndex));
        return sweeps;
    }

    /** Per cycle, the last sweep fitted during it. */
    public static Map<Integer, FittedSweep> lastPerCycle(List<FittedSweep> sweeps) {
        Map<Integer, FittedSweep> byCycle = new TreeMap<>();
        for (FittedSweep s : sweeps) {
            byCycle.put(s.cycleCount(), s);
        }
        return byCycle;
    }

    private static FittedSweep row(VectorSchemaRoot root, int i) {
        Map<String, Double> values = new HashMap<>();
        for (FieldVector v : root.getFieldVectors()) {
            if (v instanceof Float8Vector f) {
                values.put(v.getName(), f.isNull(i) ? Double.NaN : f.get(i));
            }
        }
        return new FittedSweep(integer(root, SweepField.SPECTRUM_INDEX.columnName(), i),
                integer(root, SweepField.CYCLE_COUNT.columnName(), i),
                values.getOrDefault(SweepField.TEST_TIME.columnName(), Double.NaN),
                values.getOrDefault(SweepField.APPLIED_PRESSURE.columnName(), Double.NaN),
                integer(root, FitField.TRUSTWORTHY.columnName(), i) == 1, values);
    }

    private static int integer(VectorSchemaRoot root, String name, int i) {
        return root.getVector(name) instanceof IntVector v && !v.isNull(i) ? v.get(i) : 0;
    }
}
