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
            14.5, 15.5, 16.5, 17.5, 18.5, 19.5);
    static final CycleSummary CYCLE = new CycleSummary(3, 100.5, 200.5, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 3.5, 3.25,
            4.1, 2.9);
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
                assertTrue(c.label().endsWith(" / " + c.unit()), c.label());
                assertEquals(c.kind() == ColumnValue.Kind.INT32, c.unit().equals("1") && !c.label().contains("Efficiency"),
                        c.columnName() + ": counters are int32, everything else float64");
            }
        }
    }

    @Test
    void theTablesShareTheSampleTablesTimeCounterAndConditionTerms() {
        assertEquals(SampleField.CYCLE_COUNT.term(), CycleField.CYCLE_COUNT.term());
        for (SpectrumField f : List.of(SpectrumField.TEST_TIME, SpectrumField.UNIX_TIME, SpectrumField.CYCLE_COUNT,
                SpectrumField.STEP_COUNT, SpectrumField.STEP_INDEX, SpectrumField.APPLIED_PRESSURE,
                SpectrumField.AMBIENT_TEMPERATURE)) {
            assertEquals(SampleField.valueOf(f.name()).term(), f.term(), f.name());
        }
    }

    @Test
    void aColumnHasOnlyTheValueOfItsKind() {
        assertThrows(IllegalStateException.class, () -> SampleField.VOLTAGE.integer(SAMPLE));
        assertThrows(IllegalStateException.class, () -> SampleField.CYCLE_COUNT.number(SAMPLE));
    }
}
