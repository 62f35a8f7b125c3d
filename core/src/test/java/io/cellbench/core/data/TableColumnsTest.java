package io.cellbench.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tables' one definition: every record component is a column and comes back from it, the
 * names are unique and in the Battery Data Format's style, and the columns the tables share are
 * one term.
 */
class TableColumnsTest {

    /** Distinct values in every component, so that a swapped or missing column shows. */
    static final Sample SAMPLE = new Sample(1.5, 1.7e9, 3.7, -0.25, 4, 5, 6, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5,
            14.5, 15.5, 16.5, 17.5, 18.5, 19.5, 20, 21.5, 22.5, 23.5, 24.5);
    static final CycleSummary CYCLE = new CycleSummary(3, 100.5, 200.5, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 3.5, 3.25,
            4.1, 2.9, 2.75, 4.25);
    static final Spectrum SPECTRUM = new Spectrum(50.5, 1.7e9 + 50.5, 2, 7, 3, 25e6, 30.5, List.of(
            new ImpedancePoint(1000, 3, -4), new ImpedancePoint(1, 10, 0.5)));

    /** A row as a reader would find it, by column, from {@code row}'s values. */
    static <R> ColumnSource source(R row) {
        return new ColumnSource() {
            @Override
            @SuppressWarnings("unchecked")
            public double number(DataColumn<?> column) {
                return ((DataColumn<R>) column).number(row);
            }

            @Override
            @SuppressWarnings("unchecked")
            public int integer(DataColumn<?> column) {
                return ((DataColumn<R>) column).integer(row);
            }
        };
    }

    @Test
    void aSampleComesBackFromItsColumns() {
        assertEquals(SAMPLE, SampleField.sample(source(SAMPLE)));
        assertEquals(Sample.class.getRecordComponents().length, SampleField.values().length);
    }

    @Test
    void aCycleSummaryComesBackFromItsColumns() {
        assertEquals(CYCLE, CycleField.summary(source(CYCLE)));
        assertEquals(CycleSummary.class.getRecordComponents().length, CycleField.values().length);
    }

    @Test
    void aSpectrumComesBackFromItsRows() {
        List<ImpedancePoint> points = List.of(SpectrumField.point(source(new SpectrumRow(4, SPECTRUM, 0))),
                SpectrumField.point(source(new SpectrumRow(4, SPECTRUM, 1))));
        assertEquals(SPECTRUM, SpectrumField.spectrum(source(new SpectrumRow(4, SPECTRUM, 1)), points));
        SpectrumRow row = new SpectrumRow(4, SPECTRUM, 0);
        assertEquals(4, SpectrumField.SPECTRUM_INDEX.integer(row));
        assertEquals(5.0, SpectrumField.Z_MOD.number(row));
        assertEquals(Math.toDegrees(Math.atan2(-4, 3)), SpectrumField.Z_PHASE.number(row));
    }

    @Test
    void namesAreUniqueInEachTableAndLabelsCarryTheirUnit() {
        for (List<? extends DataColumn<?>> table : List.of(List.of(SampleField.values()), List.of(CycleField.values()),
                List.of(SpectrumField.values()))) {
            Set<String> names = new HashSet<>();
            for (DataColumn<?> c : table) {
                assertTrue(names.add(c.columnName()), "twice: " + c.columnName());
                assertTrue(c.columnName().matches("[a-z]+(_[a-z]+)*"), c.columnName());
                // BDF spells ohm in lower case in its labels ("Real Impedance / ohm"); an identifier
                // (BDF's Step ID) has no unit and no " / " in its label
                assertTrue(c.unit().isEmpty() ? !c.label().contains(" / ")
                        : c.label().toLowerCase(java.util.Locale.ROOT).endsWith(" / " + c.unit().toLowerCase(java.util.Locale.ROOT)),
                        c.label());
                assertEquals(c.kind() == ColumnValue.Kind.INT32,
                        (c.unit().equals("1") || c.unit().isEmpty()) && !c.label().contains("Efficiency"),
                        c.columnName() + ": counters are int32, everything else float64");
            }
        }
    }

    @Test
    void theTablesShareTheSampleTablesTimeCounterAndConditionTerms() {
        assertEquals(SampleField.CYCLE_COUNT.term(), CycleField.CYCLE_COUNT.term());
        for (SpectrumField f : List.of(SpectrumField.TEST_TIME, SpectrumField.UNIX_TIME, SpectrumField.CYCLE_COUNT,
                SpectrumField.STEP_COUNT, SpectrumField.STEP_ID, SpectrumField.APPLIED_PRESSURE,
                SpectrumField.AMBIENT_TEMPERATURE)) {
            assertEquals(SampleField.valueOf(f.name()).term(), f.term(), f.name());
        }
    }

    @Test
    void aRowWrittenBeforeBdf13ReadsWithItsOldNamesAndItsTotalsWorkedOut() {
        // the 1.2 layout: per-cycle values under charging_*, step_index, step_capacity_ah, no record index
        java.util.Map<String, Double> old = new java.util.HashMap<>();
        List<DataColumn<Sample>> v12 = SampleField.columns(BdfVersion.V1_2);
        for (DataColumn<Sample> c : v12) {
            old.put(c.columnName(), c.kind() == ColumnValue.Kind.INT32 ? c.integer(SAMPLE) : c.number(SAMPLE));
        }
        assertEquals(List.of("test_time_second", "unix_time_second", "voltage_volt", "current_ampere", "cycle_count",
                "step_count", "step_index", "charging_capacity_ah", "discharging_capacity_ah", "step_capacity_ah",
                "net_capacity_ah", "cumulative_capacity_ah", "charging_energy_wh", "discharging_energy_wh",
                "step_energy_wh", "net_energy_wh", "cumulative_energy_wh", "power_watt", "applied_pressure_pa",
                "ambient_temperature_celsius"), v12.stream().map(DataColumn::columnName).toList());
        assertEquals(7.5, old.get("charging_capacity_ah"), "1.2's charging capacity is the cycle's");
        ColumnSource byName = new ColumnSource() {
            private Double find(DataColumn<?> column) {
                return column.term().names().stream().map(old::get).filter(java.util.Objects::nonNull).findFirst()
                        .orElse(null);
            }

            @Override
            public double number(DataColumn<?> column) {
                Double v = find(column);
                return v == null ? Double.NaN : v;
            }

            @Override
            public int integer(DataColumn<?> column) {
                Double v = find(column);
                return v == null ? 0 : v.intValue();
            }
        };
        Sample read = SampleField.sample(byName);
        assertEquals(6, read.stepIndex());
        assertEquals(7.5, read.chargingCapacityAh());
        assertEquals(9.5, read.stepCapacityAh());
        assertEquals(0, read.stepRecordIndex());
        assertEquals((11.5 + 10.5) / 2, read.totalChargingCapacityAh(), "(cumulative + net) / 2");
        assertEquals((11.5 - 10.5) / 2, read.totalDischargingCapacityAh());
        assertEquals((16.5 + 15.5) / 2, read.totalChargingEnergyWh());
        assertEquals((16.5 - 15.5) / 2, read.totalDischargingEnergyWh());
    }

    @Test
    void aColumnHasOnlyTheValueOfItsKind() {
        assertThrows(IllegalStateException.class, () -> SampleField.VOLTAGE.integer(SAMPLE));
        assertThrows(IllegalStateException.class, () -> SampleField.CYCLE_COUNT.number(SAMPLE));
    }
}
