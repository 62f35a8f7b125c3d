package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads samples back from one or more stream segments, in order, one batch in memory at a
 * time. A torn last batch in a segment (a crash) is skipped with a warning in the report.
 * Columns beyond the sample table's (an imported file's aux channels) are read on request.
 */
public final class ArrowSampleReader {

    /** Every name, current or former, of a sample table column: whatever else a file holds is aux. */
    private static final Set<String> TABLE_NAMES = Arrays.stream(SampleField.values())
            .flatMap(f -> f.term().names().stream()).collect(Collectors.toUnmodifiableSet());

    private ArrowSampleReader() {
    }

    public static ReadReport read(List<Path> segments, BufferAllocator allocator, Consumer<Sample> consumer)
            throws IOException {
        return rows(segments, allocator, row -> consumer.accept(SampleField.sample(row)));
    }

    /**
     * Each row as a source positioned on it, valid only during the call ({@link SampleField#sample}
     * makes the sample of it): for readers that copy values out as they are (the exports), so
     * that tens of millions of rows need no record each.
     */
    public static ReadReport rows(List<Path> segments, BufferAllocator allocator, Consumer<ColumnSource> rows)
            throws IOException {
        return ArrowTableReader.read(segments, allocator, SampleColumns.TABLE, rows);
    }

    /** The samples with the values of the {@code aux} columns ({@link #auxColumns}), in that order, NaN where absent. */
    public static ReadReport read(List<Path> segments, BufferAllocator allocator, List<Column> aux,
                                  BiConsumer<Sample, double[]> consumer) throws IOException {
        return ArrowTableReader.read(segments, allocator, SampleColumns.TABLE, aux.stream().map(Column::name).toList(),
                (row, values) -> consumer.accept(SampleField.sample(row), values));
    }

    /**
     * The float64 columns the segments hold beyond the sample table's, with their units and labels,
     * in file order (first segment first): an imported file's aux channels. Usually none. A segment
     * without a readable schema adds nothing (reading the samples says why).
     */
    public static List<Column> auxColumns(List<Path> segments, BufferAllocator allocator) throws IOException {
        List<Column> aux = new ArrayList<>();
        for (Path segment : segments) {
            try (BufferAllocator child = allocator.newChildAllocator("arrow schema " + segment, 0, Long.MAX_VALUE);
                 FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ);
                 ArrowStreamReader reader = new ArrowStreamReader(channel, child, ArrowCompression.readerFactory())) {
                List<Field> fields;
                try {
                    fields = reader.getVectorSchemaRoot().getSchema().getFields();
                } catch (IOException | RuntimeException cutShort) {
                    continue;
                }
                for (Field f : fields) {
                    if (!TABLE_NAMES.contains(f.getName()) && isFloat64(f.getType())
                            && aux.stream().noneMatch(c -> c.name().equals(f.getName()))) {
                        Map<String, String> m = f.getMetadata();
                        aux.add(new Column(f.getName(), Column.Type.FLOAT64, m.getOrDefault(Column.UNIT, ""),
                                m.getOrDefault(Column.LABEL, f.getName()), m.containsKey(Column.BDF_LABEL)));
                    }
                }
            }
        }
        return aux;
    }

    private static boolean isFloat64(ArrowType type) {
        return type instanceof ArrowType.FloatingPoint p && p.getPrecision() == FloatingPointPrecision.DOUBLE;
    }
}
