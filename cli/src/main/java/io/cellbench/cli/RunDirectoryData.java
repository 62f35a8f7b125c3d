package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.arrow.ReadReport;
import io.cellbench.daq.run.DataGap;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/** A run directory as a {@link DataSource}: each cell's Arrow files, one batch in memory at a time. */
final class RunDirectoryData implements DataSource {
    private final Path directory;
    private final RunReader reader;
    private final BufferAllocator allocator;
    private final List<String> warnings = new ArrayList<>();

    private RunDirectoryData(Path directory, RunReader reader, BufferAllocator allocator) {
        this.directory = directory;
        this.reader = reader;
        this.allocator = allocator;
    }

    /** The run directory read. */
    Path directory() {
        return directory;
    }

    static RunDirectoryData open(Path directory, BufferAllocator allocator) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new UserError("no run directory at " + directory);
        }
        return new RunDirectoryData(directory, RunReader.open(directory, allocator), allocator);
    }

    @Override
    public Optional<List<String>> cells() throws IOException {
        return Optional.of(ScheduleOrder.of(directory, reader.cells()));
    }

    @Override
    public void samples(DataFilter filter, CellRows<Sample> rows) throws IOException {
        sampleRows(filter, (id, row) -> rows.accept(id, SampleField.sample(row)));
    }

    /**
     * The filter's samples as rows of the files, each valid only during the call: what an
     * export copies out as it is, with no {@link Sample} made of each (SampleField.sample makes one).
     */
    void sampleRows(DataFilter filter, CellRows<ColumnSource> rows) throws IOException {
        for (String id : selected(filter)) {
            ReadReport report = deliver(() -> reader.sampleRows(id, row -> {
                if (filter.accepts(row.integer(SampleField.CYCLE_COUNT), row.number(SampleField.TEST_TIME),
                        row.number(SampleField.UNIX_TIME))) {
                    pass(rows, id, row);
                }
            }));
            warnings.addAll(report.warnings());
            gapWarnings(id, null);
        }
    }

    @Override
    public List<Column> auxColumns(DataFilter filter) throws IOException {
        List<Column> all = new ArrayList<>();
        for (String id : selected(filter)) {
            for (Column c : reader.sampleAuxColumns(id)) {
                if (all.stream().noneMatch(k -> k.name().equals(c.name()))) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    /** Each cell's aux values where {@code aux} (all cells' columns) has them; NaN in the columns it lacks. */
    @Override
    public void samples(DataFilter filter, List<Column> aux, CellRows<SampleFields.CellSample> rows) throws IOException {
        for (String id : selected(filter)) {
            List<Column> own = reader.sampleAuxColumns(id);
            int[] at = own.stream().mapToInt(c -> aux.stream().map(Column::name).toList().indexOf(c.name())).toArray();
            ReadReport report = deliver(() -> reader.samples(id, own, (s, values) -> {
                if (filter.accepts(s.cycleCount(), s.testTimeSecond(), s.unixTimeSecond())) {
                    double[] row = new double[aux.size()];
                    java.util.Arrays.fill(row, Double.NaN);
                    for (int k = 0; k < at.length; k++) {
                        if (at[k] >= 0) {
                            row[at[k]] = values[k];
                        }
                    }
                    pass(rows, id, new SampleFields.CellSample(id, s, row));
                }
            }));
            warnings.addAll(report.warnings());
            gapWarnings(id, null);
        }
    }

    @Override
    public void impedance(DataFilter filter, CellRows<ImpedanceRow> rows) throws IOException {
        for (String id : selected(filter)) {
            ReadReport report = deliver(() -> reader.spectra(id, (index, s) -> {
                if (!filter.accepts(s.cycleCount(), s.testTimeSecond(), s.unixTimeSecond())) {
                    return;
                }
                int k = 0;
                for (ImpedancePoint p : s.points()) {
                    pass(rows, id, new ImpedanceRow(id, index, k++, s.testTimeSecond(), s.unixTimeSecond(),
                            s.cycleCount(), s.stepCount(), s.stepIndex(), s.appliedPressurePa(),
                            s.ambientTemperatureCelsius(), p));
                }
            }));
            warnings.addAll(report.warnings());
        }
    }

    @Override
    public void cycles(DataFilter filter, CellRows<CycleSummary> rows) throws IOException {
        if (filter.hasCalendarBound()) {
            throw new UserError("the cycle files of a run directory know test time, not calendar time: "
                    + "give --from/--to in test-time seconds (e.g. --from 3600)");
        }
        for (String id : selected(filter)) {
            List<CycleSummary> all = new ArrayList<>();
            ReadReport report = deliver(() -> reader.cycles(id, c -> {
                all.add(c);
                if (filter.acceptsCycle(c.cycleCount(), c.startTestTimeSecond(), Double.NaN)) {
                    pass(rows, id, c);
                }
            }));
            warnings.addAll(report.warnings());
            gapWarnings(id, all);
        }
    }

    /**
     * Holes in a cell's data that a resume continued past ({@link DataGap}), and with the
     * cycles (when given) which of them the hole cuts into.
     */
    private void gapWarnings(String id, List<CycleSummary> cycles) throws IOException {
        for (DataGap gap : DataGap.of(directory, id)) {
            String which = "";
            if (cycles != null && !cycles.isEmpty()) {
                int from = cycleAt(cycles, gap.fromTestTimeSecond());
                int to = cycleAt(cycles, gap.toTestTimeSecond());
                which = from == to ? "; cycle " + from + " is incomplete"
                        : "; cycles " + from + " to " + to + " are incomplete or missing";
            }
            warnings.add(id + ": " + gap.message() + which);
        }
    }

    /** The cycle under way at a test time (the last one started by then; the first when none had). */
    private static int cycleAt(List<CycleSummary> cycles, double testTime) {
        int at = cycles.getFirst().cycleCount();
        for (CycleSummary c : cycles) {
            if (c.startTestTimeSecond() <= testTime) {
                at = c.cycleCount();
            }
        }
        return at;
    }

    /** The schema metadata of the cell's first sample file (run, cell, protocol), and where it came from. */
    @Override
    public Map<String, String> metadata(String cellId) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Path> segments = reader.sampleSegments(cellId);
        if (!segments.isEmpty()) {
            Map<String, String> custom = io.cellbench.daq.run.ManifestRebuild.schemaMetadata(segments.getFirst(), allocator);
            if (custom.isEmpty()) {
                warnings.add(segments.getFirst() + ": no readable schema");
            }
            metadata.putAll(custom);
        }
        metadata.put("exported_from", directory.toAbsolutePath().normalize().toString());
        return metadata;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        reader.close();
    }

    private List<String> selected(DataFilter filter) throws IOException {
        List<String> ids = ScheduleOrder.of(directory, reader.cells());
        for (String c : filter.cells()) {
            if (!ids.contains(c)) {
                throw new UserError("run " + directory + " has no cell '" + c + "'; it has: " + String.join(", ", ids));
            }
        }
        return ids.stream().filter(filter::includesCell).toList();
    }

    /** The readers take plain consumers: an IOException of the row writer travels through them wrapped. */
    private static <R> void pass(CellRows<R> rows, String id, R row) {
        try {
            rows.accept(id, row);
        } catch (IOException e) {
            throw new RowFailure(e);
        }
    }

    private interface Read {
        ReadReport run() throws IOException;
    }

    private static ReadReport deliver(Read read) throws IOException {
        try {
            return read.run();
        } catch (RowFailure f) {
            throw f.getCause();
        }
    }

    private static final class RowFailure extends UncheckedIOException {
        RowFailure(IOException cause) {
            super(cause);
        }
    }
}
