package io.cellbench.importers.bdf;

import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.SampleField;
import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.SourceFile;
import io.cellbench.importers.StepType;
import io.cellbench.importers.StepTypes;
import io.cellbench.importers.bdf.BdfColumns.Column;
import io.cellbench.importers.bdf.BdfColumns.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BDF CSV file: a header of machine names or preferred labels (or the schema's other titles),
 * then one row per record. Deprecated terms are read as their successors, and said so.
 */
public final class BdfCsvReader implements CyclerFileReader {

    /** Rows looked at before the first goes out, to tell what a pre-1.3 {@code step_index} column holds. */
    static final int LOOKAHEAD = 10_000;

    @Override
    public String format() {
        return "bdf-csv";
    }

    @Override
    public List<String> extensions() {
        return List.of(".bdf.csv", ".csv");
    }

    @Override
    public boolean recognizes(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replace("\ufeff", "");
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        String[] header = CsvLine.split(first.strip(), ',');
        BdfColumns columns = BdfColumns.of(header);
        return columns.has(Role.TEST_TIME) && columns.has(Role.VOLTAGE) && columns.has(Role.CURRENT);
    }

    @Override
    public String expectedStart() {
        return "a BDF header line naming at least test time, voltage and current";
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        SourceFile source = SourceFile.of(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw ImportException.atLine(file, 1, "empty: a BDF CSV starts with a header line");
            }
            String[] header = CsvLine.split(headerLine.replace("\ufeff", "").strip(), ',');
            BdfColumns columns = BdfColumns.of(header);
            for (Role required : List.of(Role.TEST_TIME, Role.VOLTAGE, Role.CURRENT)) {
                if (!columns.has(required)) {
                    throw ImportException.atLine(file, 1, "no " + required.name().toLowerCase().replace('_', ' ')
                            + " column: BDF requires test_time_second, voltage_volt and current_ampere"
                            + " (or their labels 'Test Time / s', 'Voltage / V', 'Current / A'); the header has "
                            + String.join(", ", header));
                }
            }
            ArrayDeque<String> lookahead = new ArrayDeque<>();
            for (String line; lookahead.size() < LOOKAHEAD && (line = reader.readLine()) != null; ) {
                lookahead.add(line);
            }
            ImportMetadata.Builder meta = ImportMetadata.builder(source, format())
                    .formatVersion("BDF CSV, " + (columns.labels && !columns.machineNames ? "label" : columns.machineNames
                            && !columns.labels ? "machine-name" : "mixed") + " headers; terms of BDF " + BdfTerms.get().version())
                    .counterScope(CounterScope.UNKNOWN);
            RowParser parser = new RowParser(file, columns);
            parser.decideStepIndex(lookahead, meta);
            declare(columns, meta);
            columns.aux.forEach(meta::aux);
            sink.begin(meta.build());
            columns.notes.forEach(sink::note);
            parser.notes.forEach(sink::note);
            long line = 1;
            for (String text : lookahead) {
                line++;
                parser.row(text, line, sink);
            }
            for (String text; (text = reader.readLine()) != null; ) {
                line++;
                parser.row(text, line, sink);
            }
            if (parser.rows == 0) {
                sink.note(ImportNote.warning("empty-test", "the file has a header but no rows", -1));
            }
            sink.end();
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    private static void declare(BdfColumns columns, ImportMetadata.Builder meta) {
        for (Column c : columns.columns) {
            switch (c.role()) {
                case TEST_TIME -> meta.present(Field.TEST_TIME);
                case UNIX_TIME -> meta.present(Field.UNIX_TIME);
                case STEP_TIME -> meta.present(Field.STEP_TIME);
                case CYCLE -> meta.present(Field.CYCLE_COUNT);
                case STEP_COUNT -> meta.present(Field.STEP_COUNT);
                case STEP_ID -> meta.present(Field.STEP_ID);
                case STEP_TYPE -> meta.present(Field.STEP_TYPE);
                case CHARGE_AH, DISCHARGE_AH -> meta.present(Field.CAPACITY);
                case CHARGE_WH, DISCHARGE_WH -> meta.present(Field.ENERGY);
                case AMBIENT_TEMPERATURE -> meta.present(Field.TEMPERATURE);
                default -> {
                }
            }
        }
    }

    /** Turns text rows into records, with the line number in every error. */
    private static final class RowParser {
        private final Path file;
        private final Column[] columns;
        private final int auxCount;
        private final Map<String, Integer> stepNames = new HashMap<>();
        final List<ImportNote> notes = new java.util.ArrayList<>();
        long rows;

        RowParser(Path file, BdfColumns columns) {
            this.file = file;
            this.columns = columns.columns.toArray(Column[]::new);
            this.auxCount = columns.aux.size();
        }

        /**
         * Before BDF 1.3, {@code step_index} was how exporters wrote the program step (Landt, Neware
         * files of the alliance's examples); 1.3 made it the within-step record counter. The values
         * tell: a counter restarts at 1 and rises by one each row.
         */
        void decideStepIndex(ArrayDeque<String> lookahead, ImportMetadata.Builder meta) {
            for (int c = 0; c < columns.length; c++) {
                Column column = columns[c];
                ColumnTerm stepIndex = SampleField.STEP_ID.term(BdfVersion.V1_2);
                if (column.role() != Role.STEP_RECORD_INDEX || !column.header().equalsIgnoreCase(stepIndex.name())
                        && !column.header().equalsIgnoreCase(stepIndex.label())) {
                    continue;
                }
                long counterLike = 0;
                long seen = 0;
                double previous = Double.NaN;
                for (String line : lookahead) {
                    String[] f = CsvLine.split(line, ',');
                    if (c >= f.length || f[c].isBlank()) {
                        continue;
                    }
                    double v;
                    try {
                        v = Double.parseDouble(f[c].strip());
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (seen > 0 && (v == previous + 1 || v == 1 && previous != 1)) {
                        counterLike++;
                    }
                    seen++;
                    previous = v;
                }
                if (seen > 1 && counterLike < 0.9 * (seen - 1)) {
                    columns[c] = new Column(Role.STEP_ID, 1, -1, column.header(), column.term());
                    notes.add(ImportNote.repair("step-index-is-step-id", "column '" + column.header() + "' repeats"
                            + " values instead of counting rows within a step: it holds the program step (its"
                            + " meaning before BDF 1.3) and is read as step_id", 0, 0));
                    meta.present(Field.STEP_ID);
                }
            }
        }

        void row(String text, long line, RecordSink sink) throws ImportException {
            if (text.isBlank()) {
                return;
            }
            String[] f = CsvLine.split(text, ',');
            if (f.length > columns.length) {
                throw ImportException.atLine(file, line, f.length + " fields but the header has " + columns.length);
            }
            rows++;
            double testTime = Double.NaN;
            double unix = Double.NaN;
            double stepTime = Double.NaN;
            double volt = Double.NaN;
            double ampere = Double.NaN;
            double chargeAh = Double.NaN;
            double dischargeAh = Double.NaN;
            double chargeWh = Double.NaN;
            double dischargeWh = Double.NaN;
            double ambient = Double.NaN;
            int cycle = CyclerRecord.UNKNOWN;
            int stepCount = CyclerRecord.UNKNOWN;
            int stepId = CyclerRecord.UNKNOWN;
            long index = rows;
            StepType type = StepType.UNKNOWN;
            double[] aux = auxCount == 0 ? null : new double[auxCount];
            for (int c = 0; c < columns.length; c++) {
                Column column = columns[c];
                String value = c < f.length ? f[c].strip() : "";
                switch (column.role()) {
                    case STEP_TYPE -> type = StepTypes.named(value);
                    case STEP_ID -> stepId = stepId(value, line, column);
                    default -> {
                        double v = number(value, line, column) * column.scale();
                        switch (column.role()) {
                            case TEST_TIME -> testTime = v;
                            case UNIX_TIME -> unix = v;
                            case STEP_TIME -> stepTime = v;
                            case VOLTAGE -> volt = v;
                            case CURRENT -> ampere = v;
                            case CYCLE -> cycle = Double.isNaN(v) ? CyclerRecord.UNKNOWN : (int) v;
                            case STEP_COUNT -> stepCount = Double.isNaN(v) ? CyclerRecord.UNKNOWN : (int) v;
                            case RECORD_INDEX -> index = Double.isNaN(v) ? rows : (long) v;
                            case CHARGE_AH -> chargeAh = v;
                            case DISCHARGE_AH -> dischargeAh = v;
                            case CHARGE_WH -> chargeWh = v;
                            case DISCHARGE_WH -> dischargeWh = v;
                            case AMBIENT_TEMPERATURE -> ambient = v;
                            case AUX -> aux[column.aux()] = v;
                            default -> {
                            }
                        }
                    }
                }
            }
            sink.sample(new CyclerRecord(index, testTime, unix, stepTime, volt, ampere, cycle, stepCount, stepId, type,
                    Math.abs(chargeAh), Math.abs(dischargeAh), Math.abs(chargeWh), Math.abs(dischargeWh), ambient, aux));
        }

        private double number(String value, long line, Column column) throws ImportException {
            if (value.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                if (column.role() == Role.AUX && column.term() == null) {
                    return Double.NaN; // a column that is not BDF may hold text: it is kept only when numeric
                }
                throw ImportException.atLine(file, line, "column '" + column.header() + "': '" + value
                        + "' is not a number");
            }
        }

        /** BDF's step_id is a string; numbers stay numbers, names get numbers in order of appearance. */
        private int stepId(String value, long line, Column column) throws ImportException {
            if (value.isEmpty()) {
                return CyclerRecord.UNKNOWN;
            }
            try {
                return (int) Double.parseDouble(value);
            } catch (NumberFormatException e) {
                if (stepNames.size() > 100_000) {
                    throw ImportException.atLine(file, line, "column '" + column.header() + "': more than 100,000"
                            + " distinct step names; this is not a program step column");
                }
                return stepNames.computeIfAbsent(value, v -> stepNames.size() + 1);
            }
        }
    }
}
