package io.cellbench.importers.maccor;

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
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A Maccor text export (MacTest32/MIMS "Today's Date … Date of Test" header, then tab-separated
 * columns {@code Rec#, Cyc#, Step, TestTime|Test (Min), StepTime|Step (Min), Amp-hr, Watt-hr,
 * Amps, Volts, State, ES, DPt Time, …}). Maccor writes the current's magnitude and the direction in
 * {@code State} (C charge, D discharge, R rest …), so a D row's current is negated. Cycles are
 * {@code Cyc#} + 1 (Maccor counts from 0, BDF from 1). Times are local, without a zone, and read
 * as UTC, like Maccor shows them.
 */
public final class MaccorTextReader implements CyclerFileReader {

    private static final Map<String, StepType> STATES = Map.of(
            "C", new StepType("C", StepType.Direction.CHARGE),
            "D", new StepType("D", StepType.Direction.DISCHARGE),
            "R", new StepType("R", StepType.Direction.NEITHER),
            "O", new StepType("O", StepType.Direction.NEITHER),
            "S", new StepType("S", StepType.Direction.NEITHER),
            "P", new StepType("P", StepType.Direction.NEITHER),
            "FRA", new StepType("FRA", StepType.Direction.NEITHER));

    @Override
    public String format() {
        return "maccor-text";
    }

    /** Maccor names files after the test with a numbered extension (.001, .041 …), so any extension may be one. */
    @Override
    public List<String> extensions() {
        return List.of(".txt", ".csv");
    }

    @Override
    public boolean recognizes(byte[] head) {
        return MaccorHeader.looksLikeOne(new String(head, StandardCharsets.ISO_8859_1));
    }

    @Override
    public String expectedStart() {
        return "a Maccor export header (Today's Date … Date of Test:)";
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        read(file, sink, 0, 0, 0, true);
        sink.end();
    }

    /**
     * Reads one file of a test, continuing record index, test time and cycle from earlier files
     * ({@link MaccorTest} passes the offsets); {@code first} says whether this file begins the test.
     * Returns the last record as read (before offsets), for the next file's offsets.
     */
    LastRow read(Path file, RecordSink sink, long indexOffset, double timeOffset, int cycleOffset, boolean first)
            throws ImportException {
        SourceFile source = SourceFile.of(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String headerLine = reader.readLine();
            if (headerLine == null || !MaccorHeader.looksLikeOne(headerLine)) {
                throw ImportException.atLine(file, 1, "not a Maccor text export: expected " + expectedStart());
            }
            MaccorHeader header = MaccorHeader.parse(headerLine);
            String namesLine = reader.readLine();
            if (namesLine == null) {
                throw ImportException.atLine(file, 2, "no column names: the file is truncated");
            }
            MaccorColumns columns = MaccorColumns.of(file, namesLine.split("\t", -1));
            ImportMetadata.Builder meta = ImportMetadata.builder(source, format())
                    .formatVersion(columns.minutes ? "Maccor text, times in minutes" : "Maccor text, times as d hh:mm:ss")
                    .instrument("Maccor")
                    .counterScope(CounterScope.UNKNOWN)
                    .present(Field.TEST_TIME, Field.STEP_TIME, Field.CYCLE_COUNT, Field.STEP_ID, Field.STEP_TYPE,
                            Field.CAPACITY, Field.ENERGY)
                    .property("original_file", header.originalFile())
                    .property("comment", header.comment())
                    .program(header.procedure(), "maccor-procedure-name")
                    .technique("Maccor procedure");
            if (columns.dateTime >= 0) {
                meta.present(Field.UNIX_TIME);
            }
            if (header.testDate() != null) {
                meta.startTime(header.testDate().atStartOfDay().toInstant(ZoneOffset.UTC));
                meta.property("test_date", header.testDate().toString());
            }
            for (String name : columns.auxNames) {
                meta.aux(new AuxColumn(name, "", auxTerm(name)));
            }
            if (first) {
                sink.begin(meta.build());
            }
            MaccorRows rows = new MaccorRows(file, columns, header.testDate());
            long line = 2;
            LastRow last = null;
            for (String text; (text = reader.readLine()) != null; ) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                CyclerRecord r = rows.parse(text, line, STATES);
                last = new LastRow(r.recordIndex(), r.testTimeSecond(), r.cycleCount());
                sink.sample(new CyclerRecord(r.recordIndex() + indexOffset, r.testTimeSecond() + timeOffset,
                        r.unixTimeSecond(), r.stepTimeSecond(), r.voltageVolt(), r.currentAmpere(),
                        r.cycleCount() + cycleOffset, r.stepCount(), r.stepId(), r.stepType(), r.chargingCapacityAh(),
                        r.dischargingCapacityAh(), r.chargingEnergyWh(), r.dischargingEnergyWh(), Double.NaN, r.aux()));
            }
            if (last == null) {
                sink.note(ImportNote.warning("empty-test", file.getFileName() + " has no records", -1));
            }
            return last;
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    /** What the next file of a multi-file test continues from. */
    record LastRow(long recordIndex, double testTimeSecond, int cycleCount) {
    }

    private static String auxTerm(String name) {
        return switch (name) {
            case "ACImp/Ohms" -> "ac_internal_resistance_ohm";
            case "DCIR/Ohms" -> "dc_internal_resistance_ohm";
            default -> null;
        };
    }

    /** Test date + time of day, for files whose DPt Time holds only the time. */
    static double unix(LocalDate date, int secondsOfDay) {
        return date == null ? Double.NaN : date.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + secondsOfDay;
    }
}
