package io.cellbench.daq.influx;

import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.core.data.SpectrumRow;
import io.cellbench.daq.cycles.CycleStatistics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns run events into line-protocol points of the four measurements {@value #SAMPLES},
 * {@value #CYCLES}, {@value #IMPEDANCE} and {@value #EVENTS} (schema in docs/influxdb.md).
 *
 * <p>Timestamps: a point's time is its unix time in nanoseconds ({@link Timestamps#nanos}).
 * Within one cell and measurement the times are made strictly increasing: a point whose time
 * is not after the previous one's is moved to the previous time + 1 ns, so two samples taken
 * in the same instant (a step's end and the next step's start) stay two points instead of
 * one overwriting the other. The points of one impedance sweep are sweep start + index ns.
 * Events carry only test time; their unix time is test time plus the cell's last seen
 * offset between the two clocks.
 *
 * <p>Fields are the tables' columns ({@link SampleField}, {@link CycleField}, {@link SpectrumField}),
 * named as in the files; a sample's unix time is its timestamp, not a field.
 *
 * <p>Not thread-safe: one encoder per sink, called under the sink's lock.
 */
public final class PointEncoder {

    public static final String SAMPLES = "samples";
    public static final String CYCLES = "cycles";
    public static final String IMPEDANCE = "impedance";
    public static final String EVENTS = "events";

    /** A sample's fields: every column of samples.arrows but unix time, which is the point's time. */
    static final List<SampleField> SAMPLE_FIELDS = Arrays.stream(SampleField.values())
            .filter(f -> f != SampleField.UNIX_TIME).toList();
    /** An impedance point's fields, in the order InfluxDB has always been sent them (not the file's). */
    static final List<DataColumn<SpectrumRow>> IMPEDANCE_FIELDS = List.of(SpectrumField.FREQUENCY,
            SpectrumField.Z_REAL, SpectrumField.Z_IMAG, SpectrumField.Z_MOD, SpectrumField.Z_PHASE,
            SpectrumField.POINT_INDEX, SpectrumField.SPECTRUM_INDEX, SpectrumField.TEST_TIME, SpectrumField.CYCLE_COUNT,
            SpectrumField.STEP_COUNT, SpectrumField.STEP_ID, SpectrumField.APPLIED_PRESSURE,
            SpectrumField.AMBIENT_TEMPERATURE);
    private static final List<CycleField> CYCLE_FIELDS = List.of(CycleField.values());
    private static final String TEST_TIME = SampleField.TEST_TIME.columnName();
    private static final String CYCLE_COUNT = SampleField.CYCLE_COUNT.columnName();
    private static final String STEP_COUNT = SampleField.STEP_COUNT.columnName();
    private static final String STEP_ID = SampleField.STEP_ID.columnName();

    private final Function<String, SeriesTags> tagsForCell;
    private final Map<String, CellState> cells = new HashMap<>();

    public PointEncoder(Function<String, SeriesTags> tagsForCell) {
        this.tagsForCell = tagsForCell;
    }

    /** Encodes one event (and the cycle it closes, if any); returns the number of lines written. */
    public int encode(RunEvent event, LineProtocol lp) {
        CellState cell = cell(event.cellId());
        return switch (event) {
            case RunEvent.SampleRecorded r -> sample(cell, r.sample(), lp);
            case RunEvent.SpectrumMeasured m -> spectrum(cell, m.spectrum(), lp);
            case RunEvent.RunStarted s -> {
                if (!s.resumed()) {
                    cell.unixOffset = s.unixTimeSecond();
                }
                cell.lastUnix = s.unixTimeSecond();
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "run_started").field("severity", RunEvent.Severity.INFO.name())
                        .field("message", (s.resumed() ? "resumed " : "started ") + s.protocolName())
                        .field("protocol", s.protocolName()).field("resumed", s.resumed());
                yield end(lp, cell, EVENTS, s.unixTimeSecond());
            }
            case RunEvent.StepStarted s -> {
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "step_started").field("severity", RunEvent.Severity.INFO.name())
                        .field("message", s.description()).field(TEST_TIME, s.testTimeSecond())
                        .field(CYCLE_COUNT, s.cycleCount()).field(STEP_COUNT, s.stepCount())
                        .field(STEP_ID, s.stepIndex());
                yield end(lp, cell, EVENTS, cell.unixAt(s.testTimeSecond()));
            }
            case RunEvent.StepEnded s -> {
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "step_ended").field("severity", RunEvent.Severity.INFO.name())
                        .field("message", s.reason()).field(TEST_TIME, s.testTimeSecond())
                        .field(STEP_COUNT, s.stepCount()).field(STEP_ID, s.stepIndex());
                yield end(lp, cell, EVENTS, cell.unixAt(s.testTimeSecond()));
            }
            case RunEvent.Notice n -> {
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "notice").field("severity", n.severity().name())
                        .field("message", n.message()).field(TEST_TIME, n.testTimeSecond());
                yield end(lp, cell, EVENTS, cell.unixAt(n.testTimeSecond()));
            }
            case RunEvent.RunEnded e -> {
                double start = cell.cycles.startUnixTimeSecond();
                int lines = cell.cycles.finish().map(c -> cycle(cell, c, start, lp)).orElse(0);
                RunEvent.Severity severity = switch (e.outcome()) {
                    case COMPLETED, STOPPED -> RunEvent.Severity.INFO;
                    case SAFETY_TRIP, FAULT -> RunEvent.Severity.ALARM;
                };
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "run_ended").field("severity", severity.name())
                        .field("message", e.message()).field("outcome", e.outcome().name())
                        .field(TEST_TIME, e.testTimeSecond());
                yield lines + end(lp, cell, EVENTS, cell.unixAt(e.testTimeSecond()));
            }
        };
    }

    /**
     * Encodes a cycle summary computed elsewhere (the sink computes its own from samples;
     * this is for callers that have better ones, e.g. from a resumed run's files).
     */
    public int encodeCycle(String cellId, CycleSummary summary, double startUnixTimeSecond, LineProtocol lp) {
        return cycle(cell(cellId), summary, startUnixTimeSecond, lp);
    }

    /** An event of the sink itself (backlog, rejected lines); tagged with the run only. */
    public int encodeSinkEvent(String run, RunEvent.Severity severity, String kind, String message,
                               double unixTimeSecond, LineProtocol lp) {
        CellState state = cells.computeIfAbsent("\u0000sink:" + run,
                k -> new CellState(new SeriesTags(run, null, null, null).lineProtocol()));
        lp.measurement(EVENTS).encodedTags(state.tags)
                .field("kind", kind).field("severity", severity.name()).field("message", message);
        return end(lp, state, EVENTS, unixTimeSecond);
    }

    /** The names of the extra fields of the cell's sample points ({@link #encodeSample}): an import's aux channels. */
    public void auxFields(String cellId, List<String> names) {
        cell(cellId).auxFields = names.toArray(String[]::new);
    }

    /** Encodes a sample with the values of the cell's {@link #auxFields}, in their order, as fields of its point (NaN: left out). */
    public int encodeSample(RunEvent.SampleRecorded sample, double[] aux, LineProtocol lp) {
        return sample(cell(sample.cellId()), sample.sample(), aux, lp);
    }

    private int sample(CellState cell, Sample s, LineProtocol lp) {
        return sample(cell, s, NO_AUX, lp);
    }

    private static final double[] NO_AUX = new double[0];

    private int sample(CellState cell, Sample s, double[] aux, LineProtocol lp) {
        double start = cell.cycles.startUnixTimeSecond();
        int lines = cell.cycles.add(s).map(c -> cycle(cell, c, start, lp)).orElse(0);
        cell.unixOffset = s.unixTimeSecond() - s.testTimeSecond();
        cell.lastUnix = s.unixTimeSecond();
        fields(lp.measurement(SAMPLES).encodedTags(cell.tags), SAMPLE_FIELDS, s);
        for (int k = 0; k < Math.min(aux.length, cell.auxFields.length); k++) {
            lp.field(cell.auxFields[k], aux[k]);
        }
        return lines + end(lp, cell, SAMPLES, s.unixTimeSecond());
    }

    private int spectrum(CellState cell, Spectrum s, LineProtocol lp) {
        cell.spectra++;
        long start = Timestamps.nanos(s.unixTimeSecond());
        int lines = 0;
        for (int i = 0; i < s.points().size(); i++) {
            // numbered as this sink saw the spectra (the files number them per cell and segment)
            fields(lp.measurement(IMPEDANCE).encodedTags(cell.tags), IMPEDANCE_FIELDS,
                    new SpectrumRow(cell.spectra, s, i));
            lines += endNanos(lp, cell, IMPEDANCE, start + i);
        }
        return lines;
    }

    private int cycle(CellState cell, CycleSummary c, double startUnixTime, LineProtocol lp) {
        fields(lp.measurement(CYCLES).encodedTags(cell.tags), CYCLE_FIELDS, c);
        return end(lp, cell, CYCLES, startUnixTime);
    }

    /** The row's value of each column as a field: float64 NaN is left out, int32 is an integer field. */
    private static <R> void fields(LineProtocol lp, List<? extends DataColumn<R>> columns, R row) {
        for (DataColumn<R> column : columns) {
            switch (column.kind()) {
                case FLOAT64 -> lp.field(column.columnName(), column.number(row));
                case INT32 -> lp.field(column.columnName(), column.integer(row));
            }
        }
    }

    private static int end(LineProtocol lp, CellState cell, String measurement, double unixTimeSecond) {
        return endNanos(lp, cell, measurement, Timestamps.nanos(unixTimeSecond));
    }

    private static int endNanos(LineProtocol lp, CellState cell, String measurement, long nanos) {
        int slot = switch (measurement) {
            case SAMPLES -> 0;
            case CYCLES -> 1;
            case IMPEDANCE -> 2;
            default -> 3;
        };
        long t = Math.max(nanos, cell.lastNanos[slot] + 1);
        cell.lastNanos[slot] = t;
        return lp.end(t) ? 1 : 0;
    }

    /** The cell's series tags as line protocol, for points made elsewhere (impedance fits, issue 16). */
    public String encodedTags(String cellId) {
        return cell(cellId).tags;
    }

    private CellState cell(String cellId) {
        CellState state = cells.get(cellId);
        if (state == null) {
            SeriesTags tags = tagsForCell.apply(cellId);
            state = new CellState(tags.lineProtocol());
            cells.put(cellId, state);
        }
        return state;
    }

    private static final class CellState {
        final String tags;
        final long[] lastNanos = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        /** The same computation as the files' cycles.arrows, so both hold the same cycles. */
        final CycleStatistics cycles = new CycleStatistics();
        double unixOffset = Double.NaN;
        double lastUnix = Double.NaN;
        int spectra;
        /** The extra fields of its sample points (an import's aux channels), in the order their values come. */
        String[] auxFields = new String[0];

        CellState(String tags) {
            this.tags = tags;
        }

        /** Unix time of a test time; before any clock offset is known, the last known unix time. */
        double unixAt(double testTimeSecond) {
            if (!Double.isNaN(unixOffset)) {
                return unixOffset + testTimeSecond;
            }
            return Double.isNaN(lastUnix) ? System.currentTimeMillis() / 1000.0 : lastUnix;
        }
    }
}
