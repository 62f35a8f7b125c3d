package io.cellbench.importers.neware;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.StepType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The old {@code .ndax} layout (ndc version 2): data.ndc holds whole records (512 bytes each: index,
 * cycle, program step, step type, step time in ms, voltage in 0.1 mV, current and counters as
 * integers scaled by the channel's current range, a local date and time to the second, the range);
 * aux members hold voltage and temperature per record index.
 */
final class Ndc2Merge {

    private final Path file;
    private final ZipFile zip;
    private final ImportMetadata.Builder meta;
    private final List<NdaxAux.Member> auxMembers;

    Ndc2Merge(Path file, ZipFile zip, ImportMetadata.Builder meta, List<NdaxAux.Member> auxMembers) {
        this.file = file;
        this.zip = zip;
        this.meta = meta;
        this.auxMembers = auxMembers;
    }

    void read(RecordSink sink, List<ImportNote> notes) throws ImportException, IOException {
        List<InputStream> open = new ArrayList<>();
        try {
            InputStream dataIn = NdaxReader.stream(zip, zip.getEntry("data.ndc"), file);
            open.add(dataIn);
            NdcPages data = new NdcPages(file, "data.ndc", dataIn, NdcCursors.DATA, 2, 94);
            List<NdcPages> aux = new ArrayList<>();
            for (NdaxAux.Member member : auxMembers) {
                InputStream in = NdaxReader.stream(zip, member.entry(), file);
                open.add(in);
                aux.add(new NdcPages(file, member.entry().getName(), in, NdcCursors.AUX, 2, 94));
                // an ndc 2 aux record carries an aux voltage and a temperature whatever TestInfo calls it
                member.columns().forEach(meta::aux);
            }
            NdaxReader.declareFields(meta);
            sink.begin(meta.build());
            notes.forEach(sink::note);
            merge(data, aux, sink);
            sink.end();
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    private void merge(NdcPages data, List<NdcPages> aux, RecordSink sink) throws ImportException {
        long[] auxIndex = new long[aux.size()];
        boolean[] auxAvailable = new boolean[aux.size()];
        for (int i = 0; i < aux.size(); i++) {
            auxAvailable[i] = nextAux(aux.get(i));
            auxIndex[i] = auxAvailable[i] ? auxIndexOf(aux.get(i)) : Long.MAX_VALUE;
        }
        int lastStepId = Integer.MIN_VALUE;
        int stepCount = 0;
        StepClock clock = new StepClock();
        while (data.next()) {
            ByteBuffer b = data.page();
            int at = data.row();
            long index = Integer.toUnsignedLong(b.getInt(at + 8));
            if (index == 0) {
                continue; // an empty record
            }
            int cycle = b.getInt(at + 12) + 1;
            int stepId = b.get(at + 16) & 0xff;
            int typeCode = b.get(at + 17) & 0xff;
            double stepTime = b.getLong(at + 23) / 1000.0;
            double volt = b.getInt(at + 31) / 10000.0;
            int range = b.getInt(at + 82);
            Double multiplier = NewareCodes.rangeMultiplier(range);
            if (multiplier == null) {
                throw ImportException.at(file, "data.ndc", data.offset() + 82, "unknown current range " + range
                        + " (record " + index + "): its current multiplier is not known, so no current can be read");
            }
            StepType type = NewareCodes.stepType(typeCode);
            if (type == null) {
                throw ImportException.at(file, "data.ndc", data.offset() + 17, "unknown step type (status) code "
                        + typeCode + " (record " + index + ")");
            }
            double milliamp = b.getInt(at + 35) * multiplier;
            double toMah = multiplier / 3600.0;
            double charge = b.getLong(at + 43) * toMah;
            double discharge = b.getLong(at + 51) * toMah;
            double chargeWh = b.getLong(at + 59) * toMah;
            double dischargeWh = b.getLong(at + 67) * toMah;
            double unix = localTime(b, at + 75);
            if (stepId != lastStepId) {
                stepCount++;
                lastStepId = stepId;
            }
            double[] values = new double[aux.size() * 2];
            for (int i = 0; i < aux.size(); i++) {
                while (auxAvailable[i] && auxIndex[i] < index) {
                    auxAvailable[i] = nextAux(aux.get(i));
                    auxIndex[i] = auxAvailable[i] ? auxIndexOf(aux.get(i)) : Long.MAX_VALUE;
                }
                boolean match = auxAvailable[i] && auxIndex[i] == index;
                ByteBuffer ab = aux.get(i).page();
                int aat = aux.get(i).row();
                values[2 * i] = match ? ab.getInt(aat + 31) / 10000.0 : Double.NaN;
                values[2 * i + 1] = match ? ab.getShort(aat + 41) / 10.0 : Double.NaN;
            }
            sink.sample(new CyclerRecord(index, clock.testTime(stepCount, stepTime), unix, stepTime, volt, milliamp / 1000.0, cycle,
                    stepCount, stepId, type, Math.abs(charge) / 1000.0, Math.abs(discharge) / 1000.0,
                    Math.abs(chargeWh) / 1000.0, Math.abs(dischargeWh) / 1000.0, Double.NaN, values));
        }
    }

    /** Local date and time to the second, as BTS wrote it (no zone): read as UTC, like BTSDA shows it. */
    private static double localTime(ByteBuffer b, int at) {
        try {
            LocalDateTime time = LocalDateTime.of(Short.toUnsignedInt(b.getShort(at)), b.get(at + 2), b.get(at + 3),
                    b.get(at + 4), b.get(at + 5), b.get(at + 6));
            return time.toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }

    private static boolean nextAux(NdcPages pages) throws ImportException {
        while (pages.next()) {
            if (auxIndexOf(pages) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long auxIndexOf(NdcPages pages) {
        return Integer.toUnsignedLong(pages.page().getInt(pages.row() + 8));
    }
}
