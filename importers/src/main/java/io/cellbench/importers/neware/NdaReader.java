package io.cellbench.importers.neware;

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
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Legacy Neware {@code .nda} (BTS 7, BTS 8 before .ndax, BTS 9.0/9.1): a header, then fixed-size
 * records in file order. Versions 8, 22, 23, 26, 29 and 130. A {@code .nda.zip} holding one .nda
 * is read straight from the archive. Streams: one record in memory at a time.
 */
public final class NdaReader implements CyclerFileReader {

    private static final byte[] MAGIC = "NEWARE".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String format() {
        return "neware-nda";
    }

    @Override
    public List<String> extensions() {
        return List.of(".nda", ".nda.zip");
    }

    @Override
    public boolean recognizes(byte[] head) {
        return startsWith(head, MAGIC) || head.length >= 4 && head[0] == 'P' && head[1] == 'K';
    }

    @Override
    public String expectedStart() {
        return "NEWARE (or a ZIP holding one .nda)";
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        SourceFile source = SourceFile.of(file);
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K') {
                ZipInputStream zip = new ZipInputStream(in);
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && (entry.isDirectory() || !entry.getName().toLowerCase().endsWith(".nda"))) {
                    entry = zip.getNextEntry();
                }
                if (entry == null) {
                    throw new ImportException(file, "a ZIP archive without an .nda member");
                }
                read(file, entry.getName(), new BufferedInputStream(zip, 1 << 16), source, sink);
            } else {
                read(file, null, in, source, sink);
            }
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    private void read(Path file, String member, InputStream in, SourceFile source, RecordSink sink)
            throws ImportException {
        byte[] prefix = NdaRecords.readPrefix(in, file);
        if (!startsWith(prefix, MAGIC)) {
            throw ImportException.at(file, member, 0, "does not start with NEWARE: not a Neware .nda file");
        }
        if (prefix.length < 1026) {
            throw ImportException.at(file, member, prefix.length, "ends inside the .nda header: truncated");
        }
        int version = prefix[14] & 0xff;
        int subVersion = prefix[1024] & 0xff;
        NdaLayout.Kind kind = NdaLayout.of(version, subVersion);
        if (kind == null) {
            throw ImportException.at(file, member, version == 130 ? 1024 : 14, "nda version " + version
                    + (version == 130 ? " sub-version " + subVersion : "")
                    + " is not supported (supported: 8, 22, 23, 26, 29, 130 from BTS 9.0 and 9.1)");
        }
        int start;
        int length;
        int identifier = 0;
        switch (kind) {
            case V8 -> {
                start = NdaRecords.find(prefix, NdaLayout.START_V8, 0);
                length = 59;
            }
            case V22 -> {
                start = NdaRecords.find(prefix, NdaLayout.START_V22, 0);
                length = 86;
            }
            case V29 -> {
                start = NdaRecords.find(prefix, NdaLayout.START_V29, 0);
                length = 86;
            }
            case V130_BTS90 -> {
                start = NdaRecords.find(prefix, NdaLayout.START_BTS90, 0);
                length = 88;
            }
            default -> {
                start = 1024;
                identifier = (prefix[1024] & 0xff) | (prefix[1025] & 0xff) << 8;
                int nextRecord = NdaRecords.find(prefix, new byte[] {prefix[1024], prefix[1025]}, 1026);
                length = nextRecord < 0 ? -1 : nextRecord - 1024;
            }
        }
        ImportMetadata.Builder meta = ImportMetadata.builder(source, format());
        NdaHeader.read(prefix, version, subVersion, meta);
        meta.formatVersion("nda " + version + (kind == NdaLayout.Kind.V130_BTS90 ? " (BTS 9.0)"
                : kind == NdaLayout.Kind.V130_BTS91 ? " (BTS 9.1)" : ""));
        meta.technique("Neware steps").counterScope(CounterScope.STEP)
                .present(Field.TEST_TIME, Field.UNIX_TIME, Field.STEP_TIME, Field.CYCLE_COUNT, Field.STEP_COUNT,
                        Field.STEP_ID, Field.STEP_TYPE, Field.CAPACITY, Field.ENERGY);
        if (kind == NdaLayout.Kind.V130_BTS90) {
            meta.absent(Field.CYCLE_COUNT);
        }
        if (kind == NdaLayout.Kind.V130_BTS91 && length >= 56) {
            meta.aux(new AuxColumn("aux1_temperature_celsius", "degC", "temperature_t1_celsius"));
        }
        if (start < 0 || length <= 0) {
            sink.begin(meta.build());
            sink.note(ImportNote.warning("empty-test", "no data section found: the file holds no records", -1));
            sink.end();
            return;
        }
        sink.begin(meta.build());
        stream(new NdaRecords(file, in, prefix, prefix.length, start, length), kind, identifier, meta, sink);
        sink.end();
    }

    private static void stream(NdaRecords records, NdaLayout.Kind kind, int identifier,
            ImportMetadata.Builder meta, RecordSink sink) throws ImportException {
        NdaRow row = new NdaRow();
        boolean aux = !meta.auxColumns().isEmpty();
        long lastIndex = 0;
        long repeats = 0;
        int lastMarker = Integer.MIN_VALUE;
        int stepCount = 0;
        StepClock clock = new StepClock();
        double stepStart = 0;
        double lastTestTime = 0;
        while (records.next()) {
            if (!row.decode(kind, records, identifier)) {
                continue;
            }
            if (row.index <= lastIndex) {
                repeats++; // BTS writes some records twice; the first is kept
                continue;
            }
            lastIndex = row.index;
            StepType type = NewareCodes.stepType(row.typeCode);
            if (type == null) {
                throw records.error(kind == NdaLayout.Kind.V8 ? 10 : 12, "unknown step type (status) code "
                        + row.typeCode + " (record " + row.index + ")");
            }
            if (row.stepMarker != lastMarker) {
                stepCount++;
                lastMarker = row.stepMarker;
                stepStart = lastTestTime; // BTS 9.1 stores test time: a step starts where the last one ended
            }
            double testTime;
            double stepTime;
            if (kind == NdaLayout.Kind.V130_BTS91) {
                testTime = row.testTime;
                stepTime = row.testTime - stepStart;
                lastTestTime = row.testTime;
            } else {
                stepTime = row.stepTime;
                testTime = clock.testTime(stepCount, stepTime);
            }
            sink.sample(new CyclerRecord(row.index, testTime, row.unix, stepTime, row.volt, row.milliamp / 1000.0,
                    row.cycle, stepCount, row.stepId, type, Math.abs(row.chargeMah) / 1000.0,
                    Math.abs(row.dischargeMah) / 1000.0, Math.abs(row.chargeMwh) / 1000.0,
                    Math.abs(row.dischargeMwh) / 1000.0, Double.NaN, aux ? new double[] {row.auxTemperature} : null));
        }
        if (lastIndex == 0) {
            sink.note(ImportNote.warning("empty-test", "the file holds no records: an empty test", -1));
        }
        if (repeats > 0) {
            sink.note(ImportNote.warning("repeated-records", repeats + " record(s) repeat an index already read;"
                    + " the first of each was kept", -1));
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
