package io.cellbench.importers.neware;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.StepType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Merges the members of an ndc 11–17 {@code .ndax} by record index, streaming: data.ndc gives
 * voltage and current for every record; data_runInfo.ndc gives step time, clock and counters for
 * some records, and the records between are carried forward by their recording interval (the
 * counters by integrating the records' own current, as BTS does); data_step.ndc gives cycle,
 * program step and step type per executed step; aux members one value per record.
 *
 * <p>The file holds no test time: it is the step time plus the durations of the steps before
 * (each step's last step time), which is how Neware's own BTSDA export computes "Total Time".
 */
final class NdcMerge {

    private static final double[] NO_AUX = new double[0];

    private final Path file;
    private final ZipFile zip;
    private final int version;
    private final ImportMetadata.Builder meta;
    private final List<NdaxAux.Member> auxMembers;

    NdcMerge(Path file, ZipFile zip, int version, ImportMetadata.Builder meta, List<NdaxAux.Member> auxMembers) {
        this.file = file;
        this.zip = zip;
        this.version = version;
        this.meta = meta;
        this.auxMembers = auxMembers;
    }

    void read(RecordSink sink, List<ImportNote> notes) throws ImportException, IOException {
        List<InputStream> open = new ArrayList<>();
        try {
            NdcCursors.Data data = new NdcCursors.Data(pages("data.ndc", NdcCursors.DATA, open));
            NdcPages runPages = optionalPages("data_runInfo.ndc", NdcCursors.RUN_INFO, open);
            NdcPages stepPages = optionalPages("data_step.ndc", NdcCursors.STEP, open);
            NdcCursors.RunInfo run = runPages == null ? null : new NdcCursors.RunInfo(runPages);
            NdcCursors.Step step = stepPages == null ? null : new NdcCursors.Step(stepPages);
            List<NdcCursors.Aux> aux = new ArrayList<>();
            for (NdaxAux.Member member : auxMembers) {
                aux.add(openAux(member, open));
                member.columns().forEach(meta::aux);
            }
            NdaxReader.declareFields(meta);
            describeSteps(run, stepPages == null ? null : zip.getEntry("data_step.ndc"), open);
            if (run == null) {
                notes.add(ImportNote.warning("no-run-info", "no data_runInfo.ndc: times, step numbers and counters are"
                        + " not in the file; only voltage and current are imported", -1));
            }
            if (step == null) {
                notes.add(ImportNote.warning("no-step-info", "no data_step.ndc: cycle, program step and step type are"
                        + " not in the file", -1));
            }
            sink.begin(meta.build());
            notes.forEach(sink::note);
            if (merge(data, run, step, aux, sink) == 0) {
                sink.note(ImportNote.warning("empty-test", "data.ndc holds no records: an empty test", -1));
            }
            sink.end();
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    /**
     * What the rows will carry of steps and cycles: nothing of them without run info (which numbers
     * the rows' steps) or a step member; else the range of the cycle counter over the file, read from
     * the small step member before any row, so that the repairs need not read the file twice.
     */
    private void describeSteps(NdcCursors.RunInfo run, ZipEntry stepEntry, List<InputStream> open)
            throws ImportException {
        if (run == null) {
            meta.absent(Field.TEST_TIME).absent(Field.UNIX_TIME).absent(Field.STEP_TIME).absent(Field.STEP_COUNT)
                    .absent(Field.CAPACITY).absent(Field.ENERGY);
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        if (run != null && stepEntry != null) {
            NdcCursors.Step steps = new NdcCursors.Step(pages(stepEntry, NdcCursors.STEP, open));
            while (steps.next()) {
                min = Math.min(min, steps.cycle);
                max = Math.max(max, steps.cycle);
            }
        }
        if (min > max) {
            meta.absent(Field.CYCLE_COUNT).absent(Field.STEP_ID).absent(Field.STEP_TYPE);
        } else {
            meta.cycleCounterRange(min, max);
        }
    }

    /** Streams the merged records; returns how many. */
    private long merge(NdcCursors.Data data, NdcCursors.RunInfo run, NdcCursors.Step step,
            List<NdcCursors.Aux> aux, RecordSink sink) throws ImportException {
        boolean runAvailable = run != null && run.next();
        boolean stepAvailable = step != null && step.next();
        boolean[] auxAvailable = new boolean[aux.size()];
        int auxWidth = auxMembers.stream().mapToInt(m -> m.columns().size()).sum();
        for (int i = 0; i < aux.size(); i++) {
            auxAvailable[i] = aux.get(i).next();
        }
        // the last runInfo row taken, and what has accumulated since
        boolean known = false;
        double knownStepTime = 0;
        double knownUnix = Double.NaN;
        double interval = 0;
        double knownCharge = 0;
        double knownDischarge = 0;
        double knownChargeWh = 0;
        double knownDischargeWh = 0;
        long since = 0;
        double incAh = 0;
        double incWh = 0;
        long stepCount = 0;
        long rawStep = Long.MIN_VALUE;
        long lastRunIndex = -1;
        StepClock clock = new StepClock();

        long rows = 0;
        while (data.next()) {
            rows++;
            long index = data.index;
            double volt = data.voltageVolt;
            double milliamp = data.currentMilliampere;
            while (runAvailable && (run.index < index || run.index <= lastRunIndex)) {
                runAvailable = run.next(); // runInfo rows without a data row, or repeats of one already taken
            }
            double stepTime;
            double unix;
            double charge;
            double discharge;
            double chargeWh;
            double dischargeWh;
            if (runAvailable && run.index == index) {
                known = true;
                lastRunIndex = index;
                knownStepTime = run.stepTimeSecond;
                knownUnix = run.unixTimeSecond;
                interval = run.intervalSecond;
                knownCharge = Math.abs(run.chargeMah);
                knownDischarge = Math.abs(run.dischargeMah);
                knownChargeWh = Math.abs(run.chargeMwh);
                knownDischargeWh = Math.abs(run.dischargeMwh);
                since = 0;
                incAh = 0;
                incWh = 0;
                if (run.rawStep != rawStep) {
                    // ndc 14 numbers steps its own way: count the changes; 16 and 17 store the count
                    stepCount = version == 14 || version == 11 ? stepCount + 1 : run.rawStep;
                    rawStep = run.rawStep;
                }
                stepTime = knownStepTime;
                unix = knownUnix;
                charge = knownCharge;
                discharge = knownDischarge;
                chargeWh = knownChargeWh;
                dischargeWh = knownDischargeWh;
                runAvailable = run.next();
            } else if (known) {
                since++;
                incAh += interval * milliamp / 3600.0;
                incWh += interval * volt * milliamp / 3600.0;
                stepTime = knownStepTime + since * interval;
                unix = knownUnix + since * interval;
                charge = knownCharge + Math.max(incAh, 0);
                discharge = knownDischarge - Math.min(incAh, 0);
                chargeWh = knownChargeWh + Math.max(incWh, 0);
                dischargeWh = knownDischargeWh - Math.min(incWh, 0);
            } else {
                stepTime = Double.NaN;
                unix = Double.NaN;
                charge = discharge = chargeWh = dischargeWh = Double.NaN;
            }
            while (stepAvailable && step.stepCount < stepCount) {
                stepAvailable = step.next();
            }
            int cycle = CyclerRecord.UNKNOWN;
            int stepId = CyclerRecord.UNKNOWN;
            StepType type = StepType.UNKNOWN;
            if (stepAvailable && step.stepCount == stepCount) {
                cycle = step.cycle;
                stepId = step.stepId;
                type = NewareCodes.stepType(step.typeCode);
                if (type == null) {
                    throw step.pages.error("unknown step type (status) code " + step.typeCode
                            + " for step " + step.stepId + ": the import stops rather than guess what the step did");
                }
            }
            double[] auxValues = auxWidth == 0 ? NO_AUX : new double[auxWidth];
            int column = 0;
            for (int i = 0; i < aux.size(); i++) {
                NdcCursors.Aux a = aux.get(i);
                while (auxAvailable[i] && a.index < index) {
                    auxAvailable[i] = a.next();
                }
                boolean here = auxAvailable[i] && a.index == index;
                if (a.voltageAndTemperature) {
                    auxValues[column++] = here ? a.voltageVolt : Double.NaN;
                    auxValues[column++] = here ? a.temperatureCelsius : Double.NaN;
                } else {
                    auxValues[column++] = here ? a.value : Double.NaN;
                }
            }
            sink.sample(new CyclerRecord(index, clock.testTime(stepCount, stepTime), unix, stepTime, volt, milliamp / 1000.0,
                    cycle, (int) stepCount, stepId, type, charge / 1000.0, discharge / 1000.0,
                    chargeWh / 1000.0, dischargeWh / 1000.0, Double.NaN, auxValues));
        }
        return rows;
    }

    private NdcPages pages(String name, int filetype, List<InputStream> open) throws ImportException {
        ZipEntry entry = zip.getEntry(name);
        return pages(entry, filetype, open);
    }

    private NdcPages optionalPages(String name, int filetype, List<InputStream> open) throws ImportException {
        ZipEntry entry = zip.getEntry(name);
        return entry == null ? null : pages(entry, filetype, open);
    }

    private NdcPages pages(ZipEntry entry, int filetype, List<InputStream> open) throws ImportException {
        byte[] head = NdaxReader.peek(zip, entry, file);
        int type = head[0] & 0xff;
        int memberVersion = head[2] & 0xff;
        if (type != filetype) {
            throw ImportException.at(file, entry.getName(), 0, "file type " + type + " where " + filetype + " was expected");
        }
        int rowSize = NdcCursors.rowSize(memberVersion, filetype);
        if (rowSize < 0) {
            throw ImportException.at(file, entry.getName(), 2, "ndc version " + memberVersion + " of file type "
                    + filetype + " is not supported");
        }
        InputStream in = NdaxReader.stream(zip, entry, file);
        open.add(in);
        return new NdcPages(file, entry.getName(), in, filetype, memberVersion, rowSize);
    }

    /** ndc 16 aux members come in two layouts, told apart by the first row's first byte (0x65: voltage + temperature). */
    private NdcCursors.Aux openAux(NdaxAux.Member member, List<InputStream> open) throws ImportException {
        if (member.version() == 16) {
            try (InputStream in = zip.getInputStream(member.entry())) {
                byte[] start = in.readNBytes(4096 + 133);
                if (start.length == 4096 + 133 && (start[4096 + 132] & 0xff) != 0x65) {
                    throw ImportException.at(file, member.entry().getName(), 4096 + 132, "auxiliary layout "
                            + (start[4096 + 132] & 0xff) + " of ndc 16 is not known (0x65 is)");
                }
            } catch (IOException e) {
                throw ImportException.at(file, member.entry().getName(), 0, "cannot be read (" + e.getMessage() + ")");
            }
            return new NdcCursors.Aux(pages(member.entry(), NdcCursors.AUX, open), true);
        }
        return new NdcCursors.Aux(pages(member.entry(), NdcCursors.AUX, open), false);
    }
}
