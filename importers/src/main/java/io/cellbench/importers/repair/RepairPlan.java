package io.cellbench.importers.repair;

import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, when a file's metadata arrives, which repairs it needs and puts them in front of the
 * sink. Decisions come from a {@link Survey} of the file when there is one; without one, from the
 * metadata, and where the metadata cannot answer, this pass turns into the survey (nothing reaches
 * the sink) and {@link Repairs} reads the file again.
 */
final class RepairPlan implements RecordSink {

    private final RecordSink sink;
    private Survey survey;
    private boolean surveying;
    private RecordSink chain;
    private CounterTotalsRepair counters;
    private CycleRepair cycles;
    private TimeFallRepair falls;
    private TimeUnitRepair unit;
    private long records;
    private String emptyTest;

    RepairPlan(RecordSink sink, Survey survey) {
        this.sink = sink;
        this.survey = survey;
    }

    /** The survey this pass made (the file must be read again), or {@code null}. */
    Survey survey() {
        return surveying ? survey : null;
    }

    /** Rows and impedance points that reached the sink. */
    long records() {
        return records;
    }

    /** What the reader said of an empty test, or {@code null}. */
    String emptyTest() {
        return emptyTest;
    }

    /** The repairs that changed something, in a fixed order; known once the file has ended. */
    List<String> applied() {
        List<String> applied = new ArrayList<>();
        if (counters != null) {
            applied.add("counters-to-totals");
        }
        if (cycles != null && cycles.changed()) {
            applied.add("cycle-derived");
        }
        if (falls != null && falls.restarts() > 0) {
            applied.add("test-time-restarts");
        }
        if (falls != null && falls.zeroedStarts() > 0) {
            applied.add("test-time-zeroed-step-start");
        }
        if (unit != null && unit.factor() != 1) {
            applied.add("test-time-unit");
        }
        return applied;
    }

    @Override
    public void begin(ImportMetadata metadata) {
        if (survey == null && !answersWholeFileQuestions(metadata)) {
            surveying = true;
            survey = new Survey();
            survey.begin(metadata);
            return;
        }
        chain = sink;
        CounterScope scope = survey == null ? metadata.counterScope() : surveyedScope(metadata.counterScope());
        if (metadata.has(Field.CAPACITY) && (scope == CounterScope.STEP || scope == CounterScope.CYCLE)) {
            chain = counters = new CounterTotalsRepair(chain, scope);
        }
        String why = cycleRepair(metadata);
        if (why != null) {
            chain = cycles = new CycleRepair(chain, why);
        }
        chain = falls = new TimeFallRepair(chain);
        chain = unit = new TimeUnitRepair(chain);
        chain.begin(metadata);
    }

    /**
     * Whether the metadata settles what needs the whole file: the counters' scope where there are
     * counters, and whether a cycle counter the file has ever moves. A counter that stays at 1
     * throughout is settled too: its rows read 1 either way until cellbench's rule passes cycle 1.
     */
    private static boolean answersWholeFileQuestions(ImportMetadata m) {
        if (m.has(Field.CAPACITY) && m.counterScope() == CounterScope.UNKNOWN) {
            return false;
        }
        ImportMetadata.CycleCounterRange range = m.cycleCounterRange();
        return !m.has(Field.CYCLE_COUNT) || range != null && (range.min() != range.max() || range.min() == 1);
    }

    /** No declared scope (BDF CSV, Maccor): the counters fell back at step starts, or only at cycle starts. */
    private CounterScope surveyedScope(CounterScope declared) {
        if (declared != CounterScope.UNKNOWN || survey.counterResetsAtStep == 0) {
            return declared;
        }
        return survey.counterResetsAtCycle == survey.counterResetsAtStep && survey.cycleStarts > 0
                ? CounterScope.CYCLE : CounterScope.STEP;
    }

    /** Why cycles must be derived, or {@code null} when the file's own counter stands. */
    private String cycleRepair(ImportMetadata m) {
        if (survey != null) {
            if (survey.rows() == 0) {
                return null;
            }
            return survey.cycleMissing() ? CycleRepair.MISSING
                    : survey.cycleConstant() ? CycleRepair.constant(survey.minCycle) : null;
        }
        if (!m.has(Field.CYCLE_COUNT)) {
            return CycleRepair.MISSING;
        }
        ImportMetadata.CycleCounterRange range = m.cycleCounterRange();
        return range.min() == range.max() ? CycleRepair.constant(range.min()) : null;
    }

    @Override
    public void sample(CyclerRecord record) {
        if (surveying) {
            survey.sample(record);
        } else {
            records++;
            chain.sample(record);
        }
    }

    @Override
    public void impedance(ImpedanceRecord point) {
        if (!surveying) {
            records++;
            chain.impedance(point);
        }
    }

    @Override
    public void note(ImportNote note) {
        if (!surveying) {
            if (note.kind().equals("empty-test")) {
                emptyTest = note.message();
            }
            (chain == null ? sink : chain).note(note);
        }
    }

    @Override
    public void end() {
        if (!surveying) {
            chain.end();
        }
    }
}
