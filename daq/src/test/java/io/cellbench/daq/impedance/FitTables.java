package io.cellbench.daq.impedance;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Reads a fits.arrows or drt.arrows file back with Arrow's own reader: rows as column name → value (null: NaN). */
final class FitTables {
    private FitTables() {
    }

    record Table(List<Map<String, Object>> rows, Map<String, String> metadata, Map<String, String> units) {
        double number(int row, String column) {
            Object v = rows.get(row).get(column);
            return v == null ? Double.NaN : ((Number) v).doubleValue();
        }
    }

    static Table read(Path file) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> metadata;
        try (RootAllocator allocator = new RootAllocator();
             InputStream in = Files.newInputStream(file);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            metadata = root.getSchema().getCustomMetadata();
            root.getSchema().getFields().forEach(f -> units.put(f.getName(), f.getMetadata().get("unit")));
            while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        row.put(v.getName(), v.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return new Table(rows, metadata, units);
    }
}
