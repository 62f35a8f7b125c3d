package io.cellbench.cli;

import io.cellbench.cli.format.Decimals;
import io.cellbench.cli.format.RowWriter;
import io.cellbench.core.data.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

/**
 * One cell's samples as a CSV file, written as they come. With {@code bdf} the header row
 * holds the Battery Data Format's preferred labels ("Test Time / s", "Voltage / V", …, the
 * {@code bdf_label} of each samples.arrows column), which makes the file a BDF CSV; without,
 * the machine names ({@code test_time_second}, …). Values are SI, full precision (a double
 * prints as the shortest decimal that reads back to the same double, never with an exponent); no measurement is an
 * empty field.
 */
final class SampleCsvFile implements RowWriter<Sample> {
    private static final int BUFFER = 1 << 16;
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    private SampleCsvFile(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Creates {@code file}, which must not exist, and writes the header row. */
    static SampleCsvFile create(Path file, boolean bdf) throws IOException {
        BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER);
        out.write(SampleFields.ALL.stream()
                .map(f -> bdf ? f.column().label() : f.column().name())
                .collect(Collectors.joining(",")));
        out.write('\n');
        return new SampleCsvFile(file, out);
    }

    @Override
    public void write(Sample sample) throws IOException {
        line.setLength(0);
        for (int i = 0; i < SampleFields.ALL.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = SampleFields.ALL.get(i).value().apply(sample);
            if (v instanceof Double d) {
                if (!d.isNaN()) {
                    line.append(Decimals.plain(d));
                }
            } else {
                line.append(v);
            }
        }
        line.append('\n');
        out.append(line);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
