package io.cellbench.daq.influx;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.util.HashMap;
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
 * <p>Not thread-safe: one encoder per sink, called under the sink's lock.
 */
public final class PointEncoder {

    public static final String SAMPLES = "samples";
    public static final String CYCLES = "cycles";
    public static final String IMPEDANCE = "impedance";
    public static final String EVENTS = "events";

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
                        .field("message", s.description()).field("test_time_second", s.testTimeSecond())
                        .field("cycle_count", s.cycleCount()).field("step_count", s.stepCount())
                        .field("step_index", s.stepIndex());
                yield end(lp, cell, EVENTS, cell.unixAt(s.testTimeSecond()));
            }
            case RunEvent.StepEnded s -> {
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "step_ended").field("severity", RunEvent.Severity.INFO.name())
                        .field("message", s.reason()).field("test_time_second", s.testTimeSecond())
                        .field("step_count", s.stepCount()).field("step_index", s.stepIndex());
                yield end(lp, cell, EVENTS, cell.unixAt(s.testTimeSecond()));
            }
            case RunEvent.Notice n -> {
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "notice").field("severity", n.severity().name())
                        .field("message", n.message()).field("test_time_second", n.testTimeSecond());
                yield end(lp, cell, EVENTS, cell.unixAt(n.testTimeSecond()));
            }
            case RunEvent.RunEnded e -> {
                int lines = cell.cycles.close()
                        .map(c -> cycle(cell, c.summary(), c.startUnixTime(), lp)).orElse(0);
                RunEvent.Severity severity = switch (e.outcome()) {
                    case COMPLETED, STOPPED -> RunEvent.Severity.INFO;
                    case SAFETY_TRIP, FAULT -> RunEvent.Severity.ALARM;
                };
                lp.measurement(EVENTS).encodedTags(cell.tags)
                        .field("kind", "run_ended").field("severity", severity.name())
                        .field("message", e.message()).field("outcome", e.outcome().name())
                        .field("test_time_second", e.testTimeSecond());
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

    private int sample(CellState cell, Sample s, LineProtocol lp) {
        int lines = cell.cycles.add(s).map(c -> cycle(cell, c.summary(), c.startUnixTime(), lp)).orElse(0);
        cell.unixOffset = s.unixTimeSecond() - s.testTimeSecond();
        cell.lastUnix = s.unixTimeSecond();
        lp.measurement(SAMPLES).encodedTags(cell.tags)
                .field("test_time_second", s.testTimeSecond())
                .field("voltage_volt", s.voltageVolt())
                .field("current_ampere", s.currentAmpere())
                .field("cycle_count", s.cycleCount())
                .field("step_count", s.stepCount())
                .field("step_index", s.stepIndex())
                .field("charging_capacity_ah", s.chargingCapacityAh())
                .field("discharging_capacity_ah", s.dischargingCapacityAh())
                .field("step_capacity_ah", s.stepCapacityAh())
                .field("net_capacity_ah", s.netCapacityAh())
                .field("cumulative_capacity_ah", s.cumulativeCapacityAh())
                .field("charging_energy_wh", s.chargingEnergyWh())
                .field("discharging_energy_wh", s.dischargingEnergyWh())
                .field("step_energy_wh", s.stepEnergyWh())
                .field("net_energy_wh", s.netEnergyWh())
                .field("cumulative_energy_wh", s.cumulativeEnergyWh())
                .field("power_watt", s.powerWatt())
                .field("applied_pressure_pa", s.appliedPressurePa())
                .field("ambient_temperature_celsius", s.ambientTemperatureCelsius());
        return lines + end(lp, cell, SAMPLES, s.unixTimeSecond());
    }

    private int spectrum(CellState cell, Spectrum s, LineProtocol lp) {
        cell.spectra++;
        long start = Timestamps.nanos(s.unixTimeSecond());
        int lines = 0;
        for (int i = 0; i < s.points().size(); i++) {
            ImpedancePoint p = s.points().get(i);
            double modulus = Math.hypot(p.zRealOhm(), p.zImagOhm());
            double phaseDegree = Math.toDegrees(Math.atan2(p.zImagOhm(), p.zRealOhm()));
            lp.measurement(IMPEDANCE).encodedTags(cell.tags)
                    .field("frequency_hz", p.frequencyHz())
                    .field("z_real_ohm", p.zRealOhm())
                    .field("z_imag_ohm", p.zImagOhm())
                    .field("z_mod_ohm", modulus)
                    .field("z_phase_degree", phaseDegree)
                    .field("point_index", i)
                    .field("spectrum_index", cell.spectra)
                    .field("test_time_second", s.testTimeSecond())
                    .field("cycle_count", s.cycleCount())
                    .field("step_count", s.stepCount())
                    .field("step_index", s.stepIndex())
                    .field("applied_pressure_pa", s.appliedPressurePa())
                    .field("ambient_temperature_celsius", s.ambientTemperatureCelsius());
            lines += endNanos(lp, cell, IMPEDANCE, start + i);
        }
        return lines;
    }

    private int cycle(CellState cell, CycleSummary c, double startUnixTime, LineProtocol lp) {
        lp.measurement(CYCLES).encodedTags(cell.tags)
                .field("cycle_count", c.cycleCount())
                .field("start_test_time_second", c.startTestTimeSecond())
                .field("duration_second", c.durationSecond())
                .field("charge_capacity_ah", c.chargeCapacityAh())
                .field("discharge_capacity_ah", c.dischargeCapacityAh())
                .field("charge_energy_wh", c.chargeEnergyWh())
                .field("discharge_energy_wh", c.dischargeEnergyWh())
                .field("coulombic_efficiency", c.coulombicEfficiency())
                .field("energy_efficiency", c.energyEfficiency())
                .field("mean_charge_voltage_volt", c.meanChargeVoltageVolt())
                .field("mean_discharge_voltage_volt", c.meanDischargeVoltageVolt())
                .field("end_charge_voltage_volt", c.endChargeVoltageVolt())
                .field("end_discharge_voltage_volt", c.endDischargeVoltageVolt());
        return end(lp, cell, CYCLES, startUnixTime);
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
        final CycleTracker cycles = new CycleTracker();
        double unixOffset = Double.NaN;
        double lastUnix = Double.NaN;
        long spectra;

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
