package io.cellbench.importers.reference;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Reads a Feather v2 file (an Arrow IPC file; NewareNDA's expected outputs, LZ4_FRAME-compressed)
 * into a {@link Table}. Dictionary (categorical) columns become text; timestamps become seconds.
 */
public final class FeatherTable {

    private FeatherTable() {
    }

    public static Table read(Path file) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
                RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
                ArrowFileReader reader = new ArrowFileReader(raf.getChannel(), allocator,
                        CommonsCompressionFactory.INSTANCE)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<List<Double>> numbers = new ArrayList<>();
            List<List<String>> texts = new ArrayList<>();
            int columns = root.getSchema().getFields().size();
            for (int c = 0; c < columns; c++) {
                numbers.add(new ArrayList<>());
                texts.add(new ArrayList<>());
            }
            int rows = 0;
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                rows += root.getRowCount();
                for (int c = 0; c < columns; c++) {
                    FieldVector vector = root.getVector(c);
                    var encoding = vector.getField().getDictionary();
                    for (int r = 0; r < root.getRowCount(); r++) {
                        if (encoding != null) {
                            Dictionary dictionary = reader.getDictionaryVectors().get(encoding.getId());
                            long key = ((BaseIntVector) vector).getValueAsLong(r);
                            texts.get(c).add(vector.isNull(r) ? null
                                    : String.valueOf(dictionary.getVector().getObject((int) key)));
                        } else if (vector instanceof FloatingPointVector f) {
                            numbers.get(c).add(vector.isNull(r) ? Double.NaN : f.getValueAsDouble(r));
                        } else if (vector instanceof TimeStampVector t) {
                            numbers.get(c).add(vector.isNull(r) ? Double.NaN : t.get(r) / 1e9);
                        } else if (vector instanceof BaseIntVector i) {
                            numbers.get(c).add(vector.isNull(r) ? Double.NaN : (double) i.getValueAsLong(r));
                        } else {
                            Object value = vector.getObject(r);
                            texts.get(c).add(value == null ? null : value.toString());
                        }
                    }
                }
            }
            Table table = Table.of(rows);
            for (int c = 0; c < columns; c++) {
                String name = root.getSchema().getFields().get(c).getName();
                if (!numbers.get(c).isEmpty() || texts.get(c).isEmpty() && rows == 0) {
                    table.numbers().put(name, numbers.get(c).stream().mapToDouble(Double::doubleValue).toArray());
                } else {
                    table.texts().put(name, texts.get(c));
                }
            }
            return table;
        }
    }
}
