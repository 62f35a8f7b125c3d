package io.cellbench.importers.arbin;

import com.healthmarketscience.jackcess.Cursor;
import com.healthmarketscience.jackcess.CursorBuilder;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;
import io.cellbench.importers.AuxColumn;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Arbin MITS Pro {@code .res}: an Access (Jet 4) database, read with Jackcess. The time series is
 * {@code Channel_Normal_Table}, walked in its primary-key order (Test_ID, Data_Point) page by page;
 * {@code Global_Table} gives the test's name, start, schedule file and software. Arbin's charge and
 * discharge counters run for the whole schedule, so they are already totals since the start.
 * A gzip-compressed {@code .res.gz} is unpacked to a temporary file first (Access needs random access):
 * in the system's temporary directory, or where {@link #unpackingInto} says (an import keeps
 * everything it writes under its output directory).
 */
public final class ResReader implements CyclerFileReader {

    private final Path scratch;

    public ResReader() {
        this(null);
    }

    private ResReader(Path scratch) {
        this.scratch = scratch;
    }

    /** This reader, unpacking a {@code .res.gz} into {@code directory} (the file is deleted once read). */
    public ResReader unpackingInto(Path directory) {
        return new ResReader(directory);
    }

    /** Days from the OLE Automation epoch (1899-12-30) to the Unix epoch. */
    private static final double OLE_TO_UNIX_DAYS = 25569.0;

    private static final List<AuxColumn> AUX = List.of(
            new AuxColumn("internal_resistance_ohm", "Ohm", "internal_resistance_ohm"),
            new AuxColumn("ac_impedance_ohm", "Ohm", "ac_internal_resistance_ohm"),
            new AuxColumn("aci_phase_angle_degree", "deg", null),
            new AuxColumn("dv_dt_volt_per_second", "V/s", null));

    @Override
    public String format() {
        return "arbin-res";
    }

    @Override
    public List<String> extensions() {
        return List.of(".res", ".res.gz");
    }

    @Override
    public boolean recognizes(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return true; // gzip; checked again once unpacked
        }
        if (head.length < 19) {
            return false;
        }
        String name = new String(head, 4, 15, StandardCharsets.ISO_8859_1);
        return name.startsWith("Standard Jet DB") || name.startsWith("Standard ACE DB");
    }

    @Override
    public String expectedStart() {
        return "an Access database (Standard Jet DB)";
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        SourceFile source = SourceFile.of(file);
        Path database = file;
        Path unpacked = null;
        try {
            byte[] head = head(file);
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                unpacked = scratch == null ? Files.createTempFile("cellbench-arbin-", ".res")
                        : Files.createTempFile(scratch, "arbin-", ".res");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    Files.copy(in, unpacked, StandardCopyOption.REPLACE_EXISTING);
                }
                database = unpacked;
                head = head(database);
            }
            if (!recognizes(head) || head.length >= 2 && (head[0] & 0xff) == 0x1f) {
                throw ImportException.at(file, null, 4, "not an Access database, so not an Arbin .res file"
                        + " (expected " + expectedStart() + ")");
            }
            try (Database db = new DatabaseBuilder(database.toFile()).setReadOnly(true).open()) {
                read(file, db, source, sink);
            }
        } catch (IOException | RuntimeException e) {
            // Jackcess reports damaged pages with unchecked exceptions (IllegalStateException,
            // RuntimeIOException) as well as IOException: all mean the same to the user
            throw new ImportException(file, "the Access database cannot be read (" + e.getMessage()
                    + "): truncated or corrupt", e);
        } finally {
            if (unpacked != null) {
                try {
                    Files.deleteIfExists(unpacked);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    private void read(Path file, Database db, SourceFile source, RecordSink sink) throws IOException, ImportException {
        Table data = db.getTable("Channel_Normal_Table");
        Table global = db.getTable("Global_Table");
        if (data == null || global == null) {
            throw new ImportException(file, "an Access database without Arbin's Global_Table and Channel_Normal_Table:"
                    + " not an Arbin .res file");
        }
        ImportMetadata.Builder meta = ImportMetadata.builder(source, format()).formatVersion("Arbin MITS Pro .res (Jet 4)")
                .counterScope(CounterScope.TEST).technique("Arbin schedule")
                .present(Field.TEST_TIME, Field.UNIX_TIME, Field.STEP_TIME, Field.CYCLE_COUNT, Field.STEP_COUNT,
                        Field.STEP_ID, Field.CAPACITY, Field.ENERGY);
        AUX.forEach(meta::aux);
        Integer testId = null;
        int tests = 0;
        for (Row row : global) {
            tests++;
            if (testId == null) {
                testId = row.getInt("Test_ID");
                ArbinGlobal.describe(row, meta);
            }
        }
        sink.begin(meta.build());
        if (tests > 1) {
            sink.note(ImportNote.warning("several-tests", "the file holds " + tests + " tests; the first (Test_ID "
                    + testId + ") is imported", -1));
        }
        Table aux = db.getTable("Auxiliary_Table");
        if (aux != null && aux.getRowCount() > 0) {
            sink.note(ImportNote.warning("aux-not-imported", aux.getRowCount() + " auxiliary readings"
                    + " (Auxiliary_Table) are not imported yet", -1));
        }
        Cursor cursor = CursorBuilder.createCursor(data.getPrimaryKeyIndex());
        int lastStepId = Integer.MIN_VALUE;
        long lastCycle = Long.MIN_VALUE;
        int stepCount = 0;
        long rows = 0;
        for (Row row : cursor) {
            if (testId != null && !testId.equals(row.getInt("Test_ID"))) {
                continue;
            }
            int stepId = intOf(row, "Step_Index");
            long cycle = longOf(row, "Cycle_Index");
            if (stepId != lastStepId || cycle != lastCycle) {
                stepCount++; // Arbin keeps no step counter: a new step index or cycle starts a step
                lastStepId = stepId;
                lastCycle = cycle;
            }
            rows++;
            sink.sample(new CyclerRecord(longOf(row, "Data_Point"), number(row, "Test_Time"),
                    (number(row, "DateTime") - OLE_TO_UNIX_DAYS) * 86400.0, number(row, "Step_Time"),
                    number(row, "Voltage"), number(row, "Current"), (int) cycle, stepCount, stepId, StepType.UNKNOWN,
                    Math.abs(number(row, "Charge_Capacity")), Math.abs(number(row, "Discharge_Capacity")),
                    Math.abs(number(row, "Charge_Energy")), Math.abs(number(row, "Discharge_Energy")), Double.NaN,
                    new double[] {number(row, "Internal_Resistance"), number(row, "AC_Impedance"),
                            number(row, "ACI_Phase_Angle"), number(row, "dV/dt")}));
        }
        if (rows == 0) {
            sink.note(ImportNote.warning("empty-test", "Channel_Normal_Table has no rows", -1));
        }
        sink.end();
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(32);
        }
    }

    static double number(Row row, String column) {
        Object value = row.get(column);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static int intOf(Row row, String column) {
        Object value = row.get(column);
        return value instanceof Number n ? n.intValue() : CyclerRecord.UNKNOWN;
    }

    private static long longOf(Row row, String column) {
        Object value = row.get(column);
        return value instanceof Number n ? n.longValue() : CyclerRecord.UNKNOWN;
    }
}
