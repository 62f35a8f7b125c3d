package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.RecordSink;
import java.nio.file.Path;
import java.util.List;

/**
 * The repairs a BDF-aware import makes, each reported as an {@link io.cellbench.importers.ImportNote}
 * of kind REPAIR, never silently. One pass where it can be: the time repairs decide from the rows
 * as they stream (a bounded look-ahead), the counter and cycle repairs from what the file's
 * metadata declares (its counters' scope; for an .ndax the range of its cycle counter, which the
 * step member gives before any row). Where the metadata leaves a whole-file question open (a cycle
 * counter that may never move, counters of undeclared scope: BDF CSV, Maccor, Arbin, .nda), a
 * {@link Survey} pass that only looks comes first, and the file is read twice.
 */
public final class Repairs {

    private Repairs() {
    }

    /**
     * Reads {@code file} with {@code reader}, repairs what needs it and streams the result to {@code sink}.
     * An empty test (no row, no impedance point) is then refused with an {@link ImportException}
     * naming the file: readers read it (zero rows, like the vendors' exports), but an import of it
     * would write nothing, so a caller that writes as rows arrive discards what it began, as for any
     * bad file.
     */
    public static List<String> read(CyclerFileReader reader, Path file, RecordSink sink) throws ImportException {
        RepairPlan plan = new RepairPlan(sink, null);
        reader.read(file, plan);
        if (plan.survey() != null) {
            plan = new RepairPlan(sink, plan.survey());
            reader.read(file, plan);
        }
        refuseEmpty(plan, file);
        return plan.applied();
    }

    private static void refuseEmpty(RepairPlan plan, Path file) throws ImportException {
        if (plan.records() == 0) {
            throw new ImportException(file, "an empty test (" + (plan.emptyTest() == null ? "the file holds no records"
                    : plan.emptyTest().replace(": an empty test", "")) + "): there is nothing to import");
        }
    }

    /** As {@link #read}, but always with the survey pass first: what the one-pass decisions are checked against. */
    static List<String> readSurveyed(CyclerFileReader reader, Path file, RecordSink sink) throws ImportException {
        Survey survey = new Survey();
        reader.read(file, survey);
        RepairPlan plan = new RepairPlan(sink, survey);
        reader.read(file, plan);
        refuseEmpty(plan, file);
        return plan.applied();
    }
}
