package io.cellbench.cli;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.arrow.Column;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import java.util.ArrayList;
import java.util.List;

/**
 * One vendor file's repaired records as the events a live run of one cell emits: the run
 * directory is then written by the same sink, and its cycle summaries come from the same
 * computation, as for a recorded run. The repairs leave capacity and energy as totals since the
 * start of the test; the samples carry them as docs/data.md defines them (per cycle, per step,
 * net, cumulative, and the totals themselves as BDF 1.3's charging/discharging capacity and
 * energy). The Step Record Index counts the file's rows within each step, as a live run counts
 * its recorded samples. Streams: it holds one spectrum at most.
 */
final class ImportedCell implements RecordSink {
    /** What an import knows of a cell before it is read: no nominal capacity. run.json gets the real one after. */
    static final double UNKNOWN_CAPACITY_AH = 1;

    /** Where an imported cell's events go: a run directory's sink, which also takes the aux channels' values. */
    interface Recorder extends RunListener {
        /** Before the cell's RunStarted: its samples' aux columns. */
        void auxColumns(String cellId, List<Column> columns);

        /** A sample with the values of its aux columns, in their order. */
        void sample(RunEvent.SampleRecorded sample, double[] aux);
    }

    private final String cellId;
    private final Recorder listener;
    private final List<ImportNote> notes = new ArrayList<>();
    private ImportMetadata metadata;
    private boolean started;
    private double unixMinusTest = Double.NaN;
    private long samples;
    private long spectra;

    private final double[] total = new double[4];
    private final double[] cycleBase = new double[4];
    private double stepBaseAh;
    private double stepBaseWh;
    private boolean stepChanged;
    /** Rows of this step so far: the Step Record Index of the last one. */
    private int stepRecords;
    private int cycle = Integer.MIN_VALUE;
    private int stepCount;
    private int stepId = Integer.MIN_VALUE;
    private String stepName;
    private int fileStepCount = Integer.MIN_VALUE;
    private double testTime;
    private double largestCycleAh;

    private final List<ImpedancePoint> sweep = new ArrayList<>();
    private ImpedanceRecord sweepStart;

    ImportedCell(String cellId, Recorder listener) {
        this.cellId = cellId;
        this.listener = listener;
    }

    @Override
    public void begin(ImportMetadata m) {
        metadata = m;
    }

    @Override
    public void sample(CyclerRecord r) {
        start(r.unixTimeSecond(), r.testTimeSecond());
        step(r); // first: the step it ends ended at the row before
        testTime = r.testTimeSecond();
        int c = r.cycleCount() > 0 ? r.cycleCount() : 1;
        if (c != cycle) {
            System.arraycopy(total, 0, cycleBase, 0, 4); // the counters as the last cycle left them
            cycle = c;
        }
        double[] now = {r.chargingCapacityAh(), r.dischargingCapacityAh(), r.chargingEnergyWh(), r.dischargingEnergyWh()};
        if (samples == 0 || stepChanged) {
            stepBaseAh = total[0] + total[1];
            stepBaseWh = total[2] + total[3];
            stepRecords = 0;
        }
        stepRecords++;
        System.arraycopy(now, 0, total, 0, 4);
        double chargeAh = now[0] - cycleBase[0];
        double dischargeAh = now[1] - cycleBase[1];
        largestCycleAh = Math.max(largestCycleAh, Math.max(finite(chargeAh), finite(dischargeAh)));
        double watt = r.currentAmpere() == 0 ? 0 : r.voltageVolt() * r.currentAmpere();
        listener.sample(new RunEvent.SampleRecorded(cellId, new Sample(r.testTimeSecond(), unix(r.unixTimeSecond(),
                r.testTimeSecond()), r.voltageVolt(), r.currentAmpere(), c, stepCount, r.stepId(), chargeAh, dischargeAh,
                now[0] + now[1] - stepBaseAh, now[0] - now[1], now[0] + now[1], now[2] - cycleBase[2],
                now[3] - cycleBase[3], now[2] + now[3] - stepBaseWh, now[2] - now[3], now[2] + now[3], watt, Double.NaN,
                r.ambientTemperatureCelsius(), stepRecords, now[0], now[1], now[2], now[3])), r.aux());
        samples++;
    }

    /** A step begins where the file's step count, step id or step kind changes. */
    private void step(CyclerRecord r) {
        String name = r.stepType().vendorName();
        stepChanged = r.stepCount() != fileStepCount || r.stepId() != stepId || !name.equals(stepName);
        if (!stepChanged) {
            return;
        }
        if (stepCount > 0) {
            listener.on(new RunEvent.StepEnded(cellId, testTime, stepCount, stepId, "imported"));
        }
        stepCount = r.stepCount() > 0 ? r.stepCount() : stepCount + 1;
        fileStepCount = r.stepCount();
        stepId = r.stepId();
        stepName = name;
        listener.on(new RunEvent.StepStarted(cellId, r.testTimeSecond(), stepCount, stepId,
                r.cycleCount() > 0 ? r.cycleCount() : 1, name.isEmpty() ? "step " + stepId : name));
    }

    @Override
    public void impedance(ImpedanceRecord p) {
        start(p.unixTimeSecond(), p.testTimeSecond());
        if (sweepStart != null && p.sweep() != sweepStart.sweep()) {
            endSweep();
        }
        if (sweepStart == null) {
            sweepStart = p;
        }
        sweep.add(new ImpedancePoint(p.frequencyHz(), p.zRealOhm(), p.zImagOhm()));
        testTime = Math.max(testTime, p.testTimeSecond());
    }

    private void endSweep() {
        ImpedanceRecord s = sweepStart;
        listener.on(new RunEvent.SpectrumMeasured(cellId, new Spectrum(s.testTimeSecond(),
                unix(s.unixTimeSecond(), s.testTimeSecond()), s.cycleCount() > 0 ? s.cycleCount() : 1,
                Math.max(stepCount, 1), Math.max(stepId, 0), Double.NaN, Double.NaN, sweep)));
        spectra++;
        sweep.clear();
        sweepStart = null;
    }

    @Override
    public void note(ImportNote note) {
        notes.add(note);
        if (started) {
            tell(note);
        }
    }

    @Override
    public void end() {
        if (sweepStart != null) {
            endSweep();
        }
        if (!started) {
            return; // an empty test: Repairs refuses it next, and nothing of it is kept
        }
        if (stepCount > 0) {
            listener.on(new RunEvent.StepEnded(cellId, testTime, stepCount, stepId, "imported"));
        }
        listener.on(new RunEvent.RunEnded(cellId, testTime, RunEvent.Outcome.COMPLETED,
                "imported from " + metadata.source().path().getFileName()));
    }

    /** The cell's RunStarted, once its clock is known: from the first row's clock time, else the file's start time. */
    private void start(double unixTime, double testTimeSecond) {
        if (started) {
            return;
        }
        // the rows' own clock first: a start time the file writes without a zone is read as UTC
        if (Double.isFinite(unixTime) && Double.isFinite(testTimeSecond)) {
            unixMinusTest = unixTime - testTimeSecond;
        } else if (metadata.startTime() != null) {
            unixMinusTest = metadata.startTime().toEpochMilli() / 1000.0;
        }
        started = true;
        double nominal = fileNominalCapacityAh(metadata);
        CellInfo info = new CellInfo(cellId, "", "", Double.isNaN(nominal) ? UNKNOWN_CAPACITY_AH : nominal, Double.NaN,
                Double.NaN, "imported from " + metadata.source().path().getFileName());
        String program = metadata.program() == null ? "" : metadata.program();
        listener.auxColumns(cellId, ImportAuxColumns.of(metadata.auxColumns()));
        // NaN when the file has no clock at all (some .mpr): its rows' unix_time_second are then null
        listener.on(new RunEvent.RunStarted(cellId, unixMinusTest, info,
                metadata.programFormat() == null ? metadata.format() : metadata.programFormat(), program, false));
        notes.forEach(this::tell);
    }

    private void tell(ImportNote note) {
        listener.on(new RunEvent.Notice(cellId, Double.NaN, note.severity() == ImportNote.Kind.REPAIR
                ? RunEvent.Severity.INFO : RunEvent.Severity.WARNING, "import " + note));
    }

    /** The nominal capacity the file gives (Arbin does), else NaN. */
    static double fileNominalCapacityAh(ImportMetadata m) {
        try {
            String given = m.properties().get("nominal_capacity_ah");
            double ah = given == null ? Double.NaN : Double.parseDouble(given);
            return ah > 0 && Double.isFinite(ah) ? ah : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The row's clock time, or where the test's start puts it when the file has none. */
    private double unix(double unixTime, double testTimeSecond) {
        return Double.isFinite(unixTime) ? unixTime : unixMinusTest + testTimeSecond;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    ImportMetadata metadata() {
        return metadata;
    }

    List<ImportNote> notes() {
        return List.copyOf(notes);
    }

    long samples() {
        return samples;
    }

    long spectra() {
        return spectra;
    }

    /** The largest charge or discharge of one cycle: the nominal capacity run.json gets when the file gives none. */
    double largestCycleAh() {
        return largestCycleAh;
    }
}
