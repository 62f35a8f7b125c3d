package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The expected lines are derived here, not copied from the encoder's output: the format is
 * InfluxDB 1.x line protocol (measurement, tags sorted by key, fields, a nanosecond timestamp;
 * integers end in {@code i}), the field names are the BDF columns, and the values follow from
 * {@link TestData}'s formulas (worked out next to each check).
 */
class PointEncoderTest {

    /** TestData.START_UNIX, written as the date it is and converted by java.time, in nanoseconds. */
    static final long START_NANOS = Instant.parse("2024-05-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    final PointEncoder encoder = new PointEncoder(cell -> new SeriesTags("r1", cell, "7", "maccor"));

    List<String> encode(RunEvent... events) {
        LineProtocol lp = new LineProtocol();
        int lines = 0;
        for (RunEvent e : events) {
            lines += encoder.encode(e, lp);
        }
        List<String> out = lp.toString().lines().toList();
        assertEquals(lines, out.size(), "the line count the spool is told matches the lines");
        return out;
    }

    @Test
    void aSampleIsOnePointNamedAfterTheBdfColumnsWithSortedTags() {
        List<String> lines = encode(TestData.recorded("A1", 0));
        assertEquals(1, lines.size());
        String line = lines.getFirst();
        // sample 0: t = 0, V = 3.0 + 1.2 * 0 / 500, charging at +2 mA, cycle 1, step 2 * 1 - 1 = 1, index 1;
        // tags cell < channel < instrument < run (sorted by key)
        assertTrue(line.startsWith("samples,cell=A1,channel=7,instrument=maccor,run=r1 test_time_second=0.0,"
                + "voltage_volt=3.0,current_ampere=0.002,cycle_count=1i,step_count=1i,step_id=1i,step_record_index=1i,"), line);
        for (String f : List.of("charging_capacity_ah", "discharging_capacity_ah", "cycle_charging_capacity_ah",
                "cycle_discharging_capacity_ah", "step_cumulative_capacity_ah", "net_capacity_ah",
                "cumulative_capacity_ah", "charging_energy_wh", "discharging_energy_wh", "cycle_charging_energy_wh",
                "cycle_discharging_energy_wh", "step_cumulative_energy_wh",
                "net_energy_wh", "cumulative_energy_wh", "power_watt", "ambient_temperature_celsius")) {
            assertTrue(line.contains("," + f + "="), f + " in " + line);
        }
        assertFalse(line.contains("applied_pressure_pa"), "NaN pressure is left out");
        assertTrue(line.endsWith(" " + START_NANOS), line);
    }

    @Test
    void samplesAtTheSameInstantStayTwoPoints() {
        Sample s = TestData.sample(5);
        List<String> lines = encode(new RunEvent.SampleRecorded("A1", s), new RunEvent.SampleRecorded("A1", s),
                new RunEvent.SampleRecorded("B1", s));
        long t0 = Long.parseLong(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
        assertTrue(lines.get(1).endsWith(" " + (t0 + 1)), lines.get(1));
        assertTrue(lines.get(2).endsWith(" " + t0), "another cell is another series: " + lines.get(2));
    }

    @Test
    void eventsGetUnixTimeFromTheCellsClockOffset() {
        List<String> lines = encode(
                new RunEvent.RunStarted("A1", TestData.START_UNIX, new CellInfo("A1", "", "", 0.001, Double.NaN,
                        Double.NaN, ""), "formation", "", false),
                new RunEvent.StepStarted("A1", 10.0, 2, 2, 1, "Rest for 1 hour"),
                new RunEvent.StepEnded("A1", 10.0, 1, 1, "time"));
        assertTrue(lines.get(0).contains("kind=\"run_started\""), lines.get(0));
        assertTrue(lines.get(0).endsWith(" " + START_NANOS));
        long tenSecondsIn = START_NANOS + 10 * 1_000_000_000L; // the step events' test time 10.0 s
        assertTrue(lines.get(1).endsWith(" " + tenSecondsIn), lines.get(1));
        assertTrue(lines.get(2).endsWith(" " + (tenSecondsIn + 1)), "same instant, next nanosecond: " + lines.get(2));
        assertTrue(lines.get(1).contains("message=\"Rest for 1 hour\""));
    }

    @Test
    void aCycleIsWrittenWhenTheNextBeginsAndTheLastWhenTheRunEnds() {
        LineProtocol lp = new LineProtocol();
        for (int i = 0; i < 2500; i++) {
            encoder.encode(TestData.recorded("A1", i), lp);
        }
        encoder.encode(new RunEvent.RunEnded("A1", 250, RunEvent.Outcome.SAFETY_TRIP, "V > 4.3"), lp);
        List<String> cycles = lp.toString().lines().filter(l -> l.startsWith("cycles,")).toList();
        assertEquals(3, cycles.size());
        String first = cycles.getFirst();
        // cycle 1 is samples 0..999, 0.1 s apart: it starts at 0 s and its last sample is at 99.9 s
        assertTrue(first.contains("cycle_count=1i,start_test_time_second=0.0,duration_second=99.9"), first);
        // charged 500 steps of 2 mA x 0.1 s (the charge counter holds its last value while
        // discharging), discharged 499 of them by the cycle's last sample: 499 / 500
        assertEquals(499.0 / 500, number(first, "coulombic_efficiency"), 1e-12, first);
        // the last charging sample, i = 499: 3.0 + 1.2 * 499 / 500 V
        assertEquals(3.0 + 1.2 * 499 / 500, number(first, "end_charge_voltage_volt"), 1e-12, first);
        // energy over capacity: TestData's charge energy is its charge capacity times 3.6 V
        assertEquals(3.6, number(first, "mean_charge_voltage_volt"), 1e-12, first);
        assertTrue(first.endsWith(" " + START_NANOS), first);
        assertTrue(cycles.get(2).contains("cycle_count=3i"));
        String end = lp.toString().lines().filter(l -> l.contains("run_ended")).findFirst().orElseThrow();
        assertTrue(end.contains("severity=\"ALARM\"") && end.contains("outcome=\"SAFETY_TRIP\""), end);
    }

    @Test
    void aHalfCycleHasTheSameFieldsAsInTheCycleFile() {
        // TestData's cycle 3 ends after 250 of its charging samples (i = 2000..2249): a charge-only
        // cycle. The files (CycleStatistics) have no efficiencies for it, because nothing was
        // discharged to compare; InfluxDB used to store 0 for both, from a second computation.
        LineProtocol lp = new LineProtocol();
        for (int i = 2000; i < 2250; i++) {
            encoder.encode(TestData.recorded("A1", i), lp);
        }
        // a cycle whose cycler reports no discharge counters at all (NaN): no discharge field
        Sample s = TestData.sample(3000);
        encoder.encode(new RunEvent.SampleRecorded("A1", new Sample(s.testTimeSecond(), s.unixTimeSecond(),
                s.voltageVolt(), s.currentAmpere(), 4, 7, 1, s.chargingCapacityAh(), Double.NaN,
                s.stepCapacityAh(), s.netCapacityAh(), s.cumulativeCapacityAh(), s.chargingEnergyWh(),
                Double.NaN, s.stepEnergyWh(), s.netEnergyWh(), s.cumulativeEnergyWh(), s.powerWatt(),
                Double.NaN, 25.0, 1, s.chargingCapacityAh(), Double.NaN, s.chargingEnergyWh(), Double.NaN)), lp);
        encoder.encode(new RunEvent.RunEnded("A1", 300, RunEvent.Outcome.COMPLETED, "done"), lp);
        List<String> cycles = lp.toString().lines().filter(l -> l.startsWith("cycles,")).toList();
        assertEquals(2, cycles.size(), lp.toString());
        String half = cycles.getFirst();
        assertTrue(half.contains("cycle_count=3i,"), half);
        assertTrue(half.contains(",discharge_capacity_ah=0.0,"), half);
        assertFalse(half.contains("coulombic_efficiency"), half);
        assertFalse(half.contains("energy_efficiency"), half);
        assertFalse(half.contains("mean_discharge_voltage_volt"), half);
        String unmeasured = cycles.get(1);
        assertTrue(unmeasured.contains("cycle_count=4i,"), unmeasured);
        assertFalse(unmeasured.contains("discharge_capacity_ah"), unmeasured);
        assertFalse(unmeasured.contains("discharge_energy_wh"), unmeasured);
    }

    @Test
    void aSpectrumIsOnePointPerFrequencyOneNanosecondApart() {
        List<String> lines = encode(new RunEvent.SpectrumMeasured("A1", TestData.spectrum(60, 3)));
        assertEquals(3, lines.size());
        for (int k = 0; k < 3; k++) {
            assertTrue(lines.get(k).startsWith("impedance,cell=A1,"), lines.get(k));
            assertTrue(lines.get(k).contains("point_index=" + k + "i,spectrum_index=1i"), lines.get(k));
            // measured 60 s into the test; each point one nanosecond after the one before
            assertTrue(lines.get(k).endsWith(" " + (START_NANOS + 60 * 1_000_000_000L + k)), lines.get(k));
        }
        // point k: f = 1 MHz * 10^(-k/5), Z = (10 + k) - j 0.5 k ohm, at 5 MPa
        assertEquals(1e6, number(lines.get(0), "frequency_hertz"));
        assertEquals(10.0, number(lines.get(0), "real_impedance_ohm"));
        assertEquals(1e6 * Math.pow(10, -1 / 5.0), number(lines.get(1), "frequency_hertz"), 1e-6);
        assertEquals(-0.5, number(lines.get(1), "imaginary_impedance_ohm"));
        assertEquals(5e6, number(lines.get(1), "applied_pressure_pa"));
    }

    /** The value of field {@code name} in a line-protocol line. */
    private static double number(String line, String name) {
        Matcher m = Pattern.compile("[ ,]" + name + "=([-0-9.eE]+)[,\\s]").matcher(line);
        assertTrue(m.find(), name + " in " + line);
        return Double.parseDouble(m.group(1));
    }
}
