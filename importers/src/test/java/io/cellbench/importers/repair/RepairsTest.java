package io.cellbench.importers.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.SourceFile;
import io.cellbench.importers.StepType;
import io.cellbench.importers.StepTypes;
import io.cellbench.importers.arbin.ResReader;
import io.cellbench.importers.biologic.MprReader;
import io.cellbench.importers.neware.NdaxReader;
import io.cellbench.importers.reference.MptTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each repair on a file that needs it, and no repair on one that does not; every repair is reported. */
class RepairsTest {

    private static final StepType CHARGE = StepTypes.named("CC_Chg");
    private static final StepType DISCHARGE = StepTypes.named("CC_DChg");
    private static final StepType REST = StepTypes.named("Rest");

    /** A reader that "reads" rows made by the test, twice if asked (the survey and the repair pass). */
    private record Rows(ImportMetadata metadata, List<CyclerRecord> rows, AtomicInteger reads)
            implements CyclerFileReader {

        Rows(ImportMetadata metadata, List<CyclerRecord> rows) {
            this(metadata, rows, new AtomicInteger());
        }

        @Override
        public String format() {
            return "test";
        }

        @Override
        public List<String> extensions() {
            return List.of();
        }

        @Override
        public boolean recognizes(byte[] head) {
            return false;
        }

        @Override
        public String expectedStart() {
            return "";
        }

        @Override
        public void read(Path file, RecordSink sink) {
            reads.incrementAndGet();
            sink.begin(metadata);
            rows.forEach(sink::sample);
            sink.end();
        }
    }

    private static ImportMetadata meta(CounterScope scope, Field... present) {
        return ImportMetadata.builder(new SourceFile(Path.of("made-up"), 0, ""), "test").counterScope(scope)
                .present(present).build();
    }

    private static CyclerRecord row(long i, double test, double unix, double step, double ampere, int cycle,
            int stepCount, StepType type, double chargeAh, double dischargeAh) {
        return new CyclerRecord(i, test, unix, step, 3.7, ampere, cycle, stepCount, stepCount, type, chargeAh,
                dischargeAh, Double.NaN, Double.NaN, Double.NaN, null);
    }

    private static CollectingSink repair(Rows rows, List<String> applied) throws Exception {
        CollectingSink sink = new CollectingSink();
        applied.addAll(Repairs.read(rows, Path.of("made-up"), sink));
        return sink;
    }

    @Test
    void testTimeRestartingEachStepRunsOn() throws Exception {
        // three 10 s steps whose test time restarts with the step time
        List<CyclerRecord> rows = new ArrayList<>();
        long i = 0;
        for (int s = 1; s <= 3; s++) {
            for (int t = 0; t <= 10; t += 5) {
                rows.add(row(++i, t, Double.NaN, t, 0.001, 1, s, REST, Double.NaN, Double.NaN));
            }
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.UNKNOWN, Field.TEST_TIME, Field.CYCLE_COUNT), rows),
                applied);
        assertArrayEquals(new double[] {0, 5, 10, 10, 15, 20, 20, 25, 30}, sink.column(CyclerRecord::testTimeSecond));
        assertEquals(List.of("test-time-restarts"), applied);
        ImportNote note = only(sink, "test-time-restarts");
        assertEquals(2, note.count());
        assertEquals(4, note.firstRecord());
    }

    @Test
    void testTimeInMillisecondsIsFoundByTheClock() throws Exception {
        List<CyclerRecord> rows = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            rows.add(row(k + 1, k * 1000.0, 1.7e9 + k, Double.NaN, 0.001, 1, 1, CHARGE, Double.NaN, Double.NaN));
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.UNKNOWN, Field.TEST_TIME, Field.UNIX_TIME,
                Field.CYCLE_COUNT), rows), applied);
        assertEquals(List.of("test-time-unit"), applied);
        assertEquals(19.0, sink.samples.get(19).testTimeSecond(), 1e-12);
        assertTrue(only(sink, "test-time-unit").message().contains("milliseconds"));
    }

    @Test
    void testTimeInMinutesIsFoundByTheStepTime() throws Exception {
        List<CyclerRecord> rows = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            rows.add(row(k + 1, k / 60.0 * 10, Double.NaN, k * 10.0, 0.001, 1, 1, CHARGE, Double.NaN, Double.NaN));
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.UNKNOWN, Field.TEST_TIME, Field.STEP_TIME,
                Field.CYCLE_COUNT), rows), applied);
        assertEquals(List.of("test-time-unit"), applied);
        assertEquals(190.0, sink.samples.get(19).testTimeSecond(), 1e-9);
        assertTrue(only(sink, "test-time-unit").message().contains("minutes"));
    }

    @Test
    void aConstantCycleIsDerivedByCellbenchsRule() throws Exception {
        // charge, rest, discharge, rest, charge, discharge, charge: cycles 1 1 1 1 2 2 3
        StepType[] steps = {CHARGE, REST, DISCHARGE, REST, CHARGE, DISCHARGE, CHARGE};
        List<CyclerRecord> rows = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            rows.add(row(s + 1, s, Double.NaN, 0, 0.001, 1, s + 1, steps[s], Double.NaN, Double.NaN));
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.UNKNOWN, Field.TEST_TIME, Field.CYCLE_COUNT), rows),
                applied);
        assertEquals(List.of("cycle-derived"), applied);
        assertArrayEquals(new double[] {1, 1, 1, 1, 2, 2, 3}, sink.column(CyclerRecord::cycleCount));
        assertTrue(only(sink, "cycle-derived").message().contains("constant (1) throughout the file, where 3 cycles ran"));
    }

    @Test
    void aCycleCounterTheMetadataShowsConstantAtOneNeedsOnePass() throws Exception {
        // an .ndax's step member gives the counter's range before any row: no survey pass
        StepType[] steps = {CHARGE, REST, DISCHARGE, REST, CHARGE, DISCHARGE, CHARGE};
        List<CyclerRecord> rows = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            rows.add(row(s + 1, s, Double.NaN, 0, 0.001, 1, s + 1, steps[s], Double.NaN, Double.NaN));
        }
        ImportMetadata known = ImportMetadata.builder(new SourceFile(Path.of("made-up"), 0, ""), "test")
                .present(Field.TEST_TIME, Field.CYCLE_COUNT).cycleCounterRange(1, 1).build();
        Rows file = new Rows(known, rows);
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(file, applied);
        assertEquals(1, file.reads().get(), "one pass");
        assertEquals(List.of("cycle-derived"), applied);
        assertArrayEquals(new double[] {1, 1, 1, 1, 2, 2, 3}, sink.column(CyclerRecord::cycleCount));
        assertTrue(only(sink, "cycle-derived").message().contains("constant (1) throughout the file, where 3 cycles ran"));

        // a counter that stays at 3: rows before cellbench's second cycle would read 3 or 1, so the whole file decides
        List<CyclerRecord> atThree = rows.stream().map(r -> r.withCycleCount(3)).toList();
        Rows surveyed = new Rows(ImportMetadata.builder(new SourceFile(Path.of("made-up"), 0, ""), "test")
                .present(Field.TEST_TIME, Field.CYCLE_COUNT).cycleCounterRange(3, 3).build(), atThree);
        CollectingSink derived = repair(surveyed, new ArrayList<>());
        assertEquals(2, surveyed.reads().get(), "a survey pass, then the repairs");
        assertArrayEquals(new double[] {1, 1, 1, 1, 2, 2, 3}, derived.column(CyclerRecord::cycleCount));

        // a counter the metadata shows moving is the file's own: no repair, one pass
        Rows moving = new Rows(ImportMetadata.builder(new SourceFile(Path.of("made-up"), 0, ""), "test")
                .present(Field.TEST_TIME, Field.CYCLE_COUNT).cycleCounterRange(1, 2).build(), rows);
        List<String> none = new ArrayList<>();
        repair(moving, none);
        assertEquals(List.of(), none);
        assertEquals(1, moving.reads().get());
    }

    @Test
    void eachFallOfTestTimeIsJudgedOnItsOwn() throws Exception {
        // step 2 restarts from zero, step 3 begins with one zeroed row, step 4 falls to neither its
        // step time nor zero (left as found, with a warning)
        List<CyclerRecord> rows = List.of(
                row(1, 0, Double.NaN, 0, 0.001, 1, 1, REST, Double.NaN, Double.NaN),
                row(2, 10, Double.NaN, 10, 0.001, 1, 1, REST, Double.NaN, Double.NaN),
                row(3, 0, Double.NaN, 0, 0.001, 1, 2, REST, Double.NaN, Double.NaN),
                row(4, 5, Double.NaN, 5, 0.001, 1, 2, REST, Double.NaN, Double.NaN),
                row(5, 0, Double.NaN, 0, 0.001, 1, 3, REST, Double.NaN, Double.NaN),
                row(6, 6, Double.NaN, 1, 0.001, 1, 3, REST, Double.NaN, Double.NaN),
                row(7, 4, Double.NaN, 2, 0.001, 1, 4, REST, Double.NaN, Double.NaN),
                row(8, 9, Double.NaN, 7, 0.001, 1, 4, REST, Double.NaN, Double.NaN));
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.UNKNOWN, Field.TEST_TIME, Field.STEP_TIME,
                Field.CYCLE_COUNT), rows), applied);
        assertEquals(List.of("test-time-restarts", "test-time-zeroed-step-start"), applied);
        assertArrayEquals(new double[] {0, 10, 10, 15, 15, 16, 14, 19}, sink.column(CyclerRecord::testTimeSecond));
        assertEquals(3, only(sink, "test-time-restarts").firstRecord());
        assertEquals(5, only(sink, "test-time-zeroed-step-start").firstRecord());
        assertTrue(sink.notes.stream().anyMatch(n -> n.kind().equals("test-time-falls") && n.message().contains(" 1 time")),
                sink.notes.toString());
    }

    @Test
    void testTimeInMillisecondsIsRepairedBeyondTheLookAhead() throws Exception {
        // the unit is decided on the first rows; every later row is divided as well
        int n = TimeUnitRepair.LOOKAHEAD * 2 + 7;
        List<CyclerRecord> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            rows.add(row(k + 1, k * 1000.0, 1.7e9 + k, Double.NaN, 0.001, 1, 1, CHARGE, Double.NaN, Double.NaN));
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.TEST, Field.TEST_TIME, Field.UNIX_TIME), rows), applied);
        assertEquals(List.of("test-time-unit"), applied);
        assertEquals(n, sink.samples.size());
        for (int k = 0; k < n; k++) {
            assertEquals(k, sink.samples.get(k).testTimeSecond(), 1e-9, "row " + k);
        }
        assertEquals(n, only(sink, "test-time-unit").count());
    }

    @Test
    void withoutStepTypesTheCurrentsSignDecides() throws Exception {
        // a step's first rows rest at 0 A before the current flows: the step waits for its sign
        double[][] steps = {{0, 0.1, 0.1}, {0, -0.1, -0.1}, {0, 0, 0}, {0.1, 0.1, 0.1}};
        List<CyclerRecord> rows = new ArrayList<>();
        long i = 0;
        for (int s = 0; s < steps.length; s++) {
            for (double ampere : steps[s]) {
                rows.add(row(++i, i, Double.NaN, 0, ampere, CyclerRecord.UNKNOWN, s + 1, StepType.UNKNOWN,
                        Double.NaN, Double.NaN));
            }
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.UNKNOWN, Field.TEST_TIME), rows), applied);
        assertEquals(List.of("cycle-derived"), applied);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2}, sink.column(CyclerRecord::cycleCount));
        assertEquals(12, sink.samples.size());
        assertArrayEquals(rows.stream().mapToDouble(CyclerRecord::recordIndex).toArray(),
                sink.column(CyclerRecord::recordIndex), "order kept");
    }

    @Test
    void newareStepCountersBecomeTotalsSinceTheStart() throws Exception {
        Path file = ReferenceData.require("neware/fastnda/nw4-120-1-6-53.ndax");
        CollectingSink raw = new CollectingSink();
        new NdaxReader().read(file, raw);
        // expected: per step, the counter's last value; totals are the sums of finished steps plus the current value
        Map<Integer, Double> lastCharge = new HashMap<>();
        double[] expected = new double[raw.samples.size()];
        double finished = 0;
        int step = -1;
        for (int k = 0; k < raw.samples.size(); k++) {
            CyclerRecord r = raw.samples.get(k);
            if (r.stepCount() != step) {
                if (step >= 0) {
                    finished += lastCharge.get(step);
                }
                step = r.stepCount();
            }
            lastCharge.put(step, r.chargingCapacityAh());
            expected[k] = finished + r.chargingCapacityAh();
        }
        List<String> applied = new ArrayList<>();
        CollectingSink sink = new CollectingSink();
        applied.addAll(Repairs.read(new NdaxReader(), file, sink));
        assertEquals(List.of("counters-to-totals"), applied);
        assertArrayEquals(expected, sink.column(CyclerRecord::chargingCapacityAh), 1e-12);
        double[] discharge = sink.column(CyclerRecord::dischargingCapacityAh);
        for (int k = 1; k < discharge.length; k++) {
            assertTrue(discharge[k] >= discharge[k - 1] - 1e-12, "discharge total never falls, row " + k);
        }
        assertTrue(only(sink, "counters-to-totals").message().contains("every step"));
    }

    @Test
    void aCounterThatRunsOnIntoTheNextStepIsNotCountedTwice() throws Exception {
        // CC charge to 1 Ah, CV charge on to 1.2 Ah without a reset (a per-cycle counter), rest, then a
        // discharge where the counters restart: the charge total must stay 1.2 Ah, not become 2.2 Ah
        List<CyclerRecord> rows = List.of(
                row(1, 0, Double.NaN, 0, 1, 1, 1, CHARGE, 0.0, 0.0),
                row(2, 1, Double.NaN, 1, 1, 1, 1, CHARGE, 1.0, 0.0),
                row(3, 2, Double.NaN, 0, 0.1, 1, 2, StepTypes.named("CV_Chg"), 1.1, 0.0),
                row(4, 3, Double.NaN, 1, 0.1, 1, 2, StepTypes.named("CV_Chg"), 1.2, 0.0),
                row(5, 4, Double.NaN, 0, -1, 1, 3, DISCHARGE, 0.0, 0.5),
                row(6, 5, Double.NaN, 1, -1, 1, 3, DISCHARGE, 0.0, 1.0));
        List<String> applied = new ArrayList<>();
        CollectingSink sink = repair(new Rows(meta(CounterScope.STEP, Field.TEST_TIME, Field.CYCLE_COUNT,
                Field.CAPACITY), rows), applied);
        assertEquals(List.of("counters-to-totals"), applied);
        assertArrayEquals(new double[] {0, 1, 1.1, 1.2, 1.2, 1.2}, sink.column(CyclerRecord::chargingCapacityAh), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.5, 1.0}, sink.column(CyclerRecord::dischargingCapacityAh), 1e-12);
    }

    @Test
    void bioLogicCyclesByCellbenchsRuleAgainstEcLabs() throws Exception {
        // the GCPL file stores no cycle number; EC-Lab's export prints one ("Charge/Discharge alternance")
        Path mpr = ReferenceData.require("biologic/yadg/gcpl.issue_149.mpr");
        Table mpt = MptTable.read(ReferenceData.require("biologic/yadg/gcpl.issue_149.mpt"));
        CollectingSink sink = new CollectingSink();
        List<String> applied = Repairs.read(new MprReader(), mpr, sink);
        assertTrue(applied.contains("cycle-derived"), applied.toString());
        double[] ecLab = mpt.number("cycle number");
        double[] ours = sink.column(CyclerRecord::cycleCount);
        System.out.println("== gcpl.issue_149: cycles by cellbench's rule " + (int) ours[ours.length - 1]
                + ", EC-Lab's cycle number + 1 at the end " + (int) (ecLab[ecLab.length - 1] + 1));
        assertEquals(ecLab.length, ours.length);
        assertArrayEquals(java.util.Arrays.stream(ecLab).map(c -> c + 1).toArray(), ours,
                "cellbench's rule gives EC-Lab's cycles, from 1");
    }

    @Test
    void aFileThatNeedsNothingGetsNoRepair() throws Exception {
        CollectingSink sink = new CollectingSink();
        List<String> applied = Repairs.read(new ResReader(),
                ReferenceData.require("arbin/battery-data-format/mits7-0.res.gz"), sink);
        assertEquals(List.of(), applied);
        assertTrue(sink.notes.stream().noneMatch(n -> n.severity() == ImportNote.Kind.REPAIR), sink.notes.toString());
    }

    private static ImportNote only(CollectingSink sink, String kind) {
        List<ImportNote> notes = sink.notes.stream().filter(n -> n.kind().equals(kind)).toList();
        assertEquals(1, notes.size(), sink.notes.toString());
        assertEquals(ImportNote.Kind.REPAIR, notes.get(0).severity());
        return notes.get(0);
    }
}
