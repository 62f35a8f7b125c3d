package io.cellbench.importers.maccor;

import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A Maccor test written as several files ({@code name.001}, {@code name.002} …, each a
 * continuation): read in order as one test, with record index, test time and cycle continuing
 * from the file before. Files out of order (by their "Date of Test") are refused.
 */
public final class MaccorTest {

    private MaccorTest() {
    }

    public static void read(List<Path> files, RecordSink sink) throws ImportException {
        LocalDate previous = null;
        Path previousFile = null;
        for (Path file : files) {
            LocalDate date = testDate(file);
            if (previous != null && date != null && date.isBefore(previous)) {
                throw new ImportException(file, "its Date of Test " + date + " is before " + previous + " of "
                        + previousFile.getFileName() + ": the files of a test must be given in order");
            }
            previous = date == null ? previous : date;
            previousFile = file;
        }
        MaccorTextReader reader = new MaccorTextReader();
        long index = 0;
        double time = 0;
        int cycle = 0;
        for (int i = 0; i < files.size(); i++) {
            MaccorTextReader.LastRow last = reader.read(files.get(i), new NoEnd(sink), index, time, cycle, i == 0);
            if (i > 0) {
                sink.note(ImportNote.repair("continuation-file", files.get(i).getFileName() + " continues the test:"
                        + " its record index, test time and cycle go on from the file before", index, 0));
            }
            if (last != null) {
                index += last.recordIndex();
                time += last.testTimeSecond();
                cycle += last.cycleCount();
            }
        }
        sink.end();
    }

    private static LocalDate testDate(Path file) throws ImportException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? null : MaccorHeader.parse(line).testDate();
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    /** Passes everything but the end, which comes once, after the last file. */
    private record NoEnd(RecordSink sink) implements RecordSink {
        @Override
        public void begin(io.cellbench.importers.ImportMetadata metadata) {
            sink.begin(metadata);
        }

        @Override
        public void sample(io.cellbench.importers.CyclerRecord record) {
            sink.sample(record);
        }

        @Override
        public void note(ImportNote note) {
            sink.note(note);
        }
    }
}
