package io.cellbench.importers.repair;

import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The repairs a BDF-aware import makes, each reported as an {@link ImportNote} of kind REPAIR,
 * never silently. A file is read twice: a {@link Survey} pass that only looks, then the pass that
 * streams rows through the repairs that the survey called for. Both passes stream, so memory
 * stays bounded; the price is reading the file twice.
 */
public final class Repairs {

    private Repairs() {
    }

    /** Reads {@code file} with {@code reader}, repairs what needs it and streams the result to {@code sink}. */
    public static List<String> read(CyclerFileReader reader, Path file, RecordSink sink) throws ImportException {
        Survey survey = new Survey();
        reader.read(file, survey);
        List<String> applied = new ArrayList<>();
        RecordSink chain = chain(survey, sink, applied);
        reader.read(file, chain);
        return applied;
    }

    /** The repair stages a survey calls for, in front of {@code sink} (outermost first: unit, restarts, cycle, counters). */
    public static RecordSink chain(Survey survey, RecordSink sink, List<String> applied) {
        RecordSink chain = sink;
        CounterScope scope = survey.metadata == null ? CounterScope.UNKNOWN : survey.metadata.counterScope();
        if (scope == CounterScope.UNKNOWN && survey.counterResetsAtStep > 0) {
            // no declared scope (BDF CSV): the counters fell back at step or cycle starts
            scope = survey.counterResetsAtCycle == survey.counterResetsAtStep && survey.cycleStarts > 0
                    ? CounterScope.CYCLE : CounterScope.STEP;
        }
        if (survey.metadata != null && survey.metadata.has(Field.CAPACITY)
                && (scope == CounterScope.STEP || scope == CounterScope.CYCLE)) {
            chain = new CounterTotalsRepair(chain, scope);
            applied.add("counters-to-totals");
        }
        if (survey.rows() > 0 && (survey.cycleMissing() || survey.cycleConstant())) {
            chain = new CycleRepair(chain, survey.cycleMissing() ? "missing from the file"
                    : "constant (" + survey.minCycle + ") throughout the file, where " + survey.derivedCycles()
                            + " cycles ran");
            applied.add("cycle-derived");
        }
        if (survey.timeRestarts > 0) {
            chain = new TimeRestartRepair(chain);
            applied.add("test-time-restarts");
        }
        if (survey.zeroedStepStarts > 0) {
            chain = new ZeroedStepStartRepair(chain);
            applied.add("test-time-zeroed-step-start");
        }
        double byUnix = TimeUnitRepair.factorOf(survey.testSpan, survey.unixSpan);
        double byStep = TimeUnitRepair.factorOf(survey.testSpanAgainstStep, survey.stepSpan);
        double factor = byUnix != 1 ? byUnix : byStep;
        if (factor != 1) {
            String evidence = byUnix != 1
                    ? String.format(Locale.ROOT, "%.6g times as fast as the unix clock", survey.testSpan / survey.unixSpan)
                    : String.format(Locale.ROOT, "%.6g times as fast as the step time", survey.testSpanAgainstStep / survey.stepSpan);
            chain = new TimeUnitRepair(chain, factor, TimeUnitRepair.unitOf(factor), evidence);
            applied.add("test-time-unit");
        }
        if (survey.otherTimeFalls > 0) {
            // not a pattern we can repair with confidence: say so, leave the values
            long falls = survey.otherTimeFalls;
            chain = new WarningStage(chain, ImportNote.warning("test-time-falls", "test time falls back " + falls
                    + " time(s) within a step; left as found", -1));
        }
        return chain;
    }

    /** Passes everything on and adds one warning at the end. */
    private static final class WarningStage extends Stage {
        private final ImportNote warning;

        WarningStage(RecordSink next, ImportNote warning) {
            super(next);
            this.warning = warning;
        }

        @Override
        public void sample(io.cellbench.importers.CyclerRecord record) {
            next.sample(record);
        }

        @Override
        void report() {
            next.note(warning);
        }
    }
}
