package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointEncoderTest {

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
        assertTrue(line.startsWith("samples,cell=A1,channel=7,instrument=maccor,run=r1 test_time_second=0.0,"
                + "voltage_volt=3.0,current_ampere=0.002,cycle_count=1i,step_count=1i,step_index=1i,"), line);
        for (String f : List.of("charging_capacity_ah", "discharging_capacity_ah", "step_capacity_ah", "net_capacity_ah",
                "cumulative_capacity_ah", "charging_energy_wh", "discharging_energy_wh", "step_energy_wh",
                "net_energy_wh", "cumulative_energy_wh", "power_watt", "ambient_temperature_celsius")) {
            assertTrue(line.contains("," + f + "="), f + " in " + line);
        }
        assertFalse(line.contains("applied_pressure_pa"), "NaN pressure is left out");
        assertTrue(line.endsWith(" 1714521600000000000"), line);
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
        assertTrue(lines.get(0).endsWith(" 1714521600000000000"));
        assertTrue(lines.get(1).endsWith(" 1714521610000000000"), lines.get(1));
        assertTrue(lines.get(2).endsWith(" 1714521610000000001"), "same instant, next nanosecond: " + lines.get(2));
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
        assertTrue(first.contains("cycle_count=1i,start_test_time_second=0.0,duration_second=99.9"), first);
        assertTrue(first.contains("coulombic_efficiency=0.99799"), first);
        assertTrue(first.contains("end_charge_voltage_volt=4.19759"), first);
        assertTrue(first.contains("mean_charge_voltage_volt=3.6,"), first);
        assertTrue(first.endsWith(" 1714521600000000000"), first);
        assertTrue(cycles.get(2).contains("cycle_count=3i"));
        String end = lp.toString().lines().filter(l -> l.contains("run_ended")).findFirst().orElseThrow();
        assertTrue(end.contains("severity=\"ALARM\"") && end.contains("outcome=\"SAFETY_TRIP\""), end);
    }

    @Test
    void aSpectrumIsOnePointPerFrequencyOneNanosecondApart() {
        List<String> lines = encode(new RunEvent.SpectrumMeasured("A1", TestData.spectrum(60, 3)));
        assertEquals(3, lines.size());
        for (int k = 0; k < 3; k++) {
            assertTrue(lines.get(k).startsWith("impedance,cell=A1,"), lines.get(k));
            assertTrue(lines.get(k).contains("point_index=" + k + "i,spectrum_index=1i"), lines.get(k));
            assertTrue(lines.get(k).endsWith(" " + (1_714_521_660_000_000_000L + k)), lines.get(k));
        }
        assertTrue(lines.get(0).contains(" frequency_hz=1000000.0,z_real_ohm=10.0,"), lines.get(0));
        assertTrue(lines.get(1).contains(",z_imag_ohm=-0.5,"), lines.get(1));
        assertTrue(lines.get(1).contains("applied_pressure_pa=5000000.0"));
    }
}
