package io.cellbench.importers.arbin;

import com.healthmarketscience.jackcess.Row;
import io.cellbench.importers.ImportMetadata;
import java.time.Instant;

/** Global_Table of a .res: one row per test, with what the run recorded about itself. */
final class ArbinGlobal {

    private ArbinGlobal() {
    }

    static void describe(Row row, ImportMetadata.Builder meta) {
        meta.instrument("Arbin, channel " + text(row, "Channel_Number") + " (serial " + text(row, "Serial_Number") + ")");
        meta.software("MITS Pro", text(row, "Software_Version"));
        meta.software("schedule", text(row, "Schedule_Version"));
        meta.property("test_name", text(row, "Test_Name"));
        meta.property("schedule_file", text(row, "Schedule_File_Name"));
        meta.property("creator", text(row, "Creator"));
        meta.property("comments", text(row, "Comments"));
        meta.property("nominal_capacity_ah", positive(row, "Capacity"));
        meta.property("mass_g", positive(row, "MASS"));
        // the schedule's name is what the file keeps of the program; the .sdu itself is not in a .res
        meta.program(text(row, "Schedule_File_Name"), "arbin-schedule-file-name");
        double start = ResReader.number(row, "Start_DateTime");
        if (Double.isFinite(start) && start > 0) {
            meta.startTime(Instant.ofEpochMilli(Math.round((start - 25569.0) * 86_400_000.0)));
        }
    }

    private static String text(Row row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString().strip();
    }

    private static String positive(Row row, String column) {
        double v = ResReader.number(row, column);
        return Double.isFinite(v) && v > 0 ? String.valueOf(v) : "";
    }
}
