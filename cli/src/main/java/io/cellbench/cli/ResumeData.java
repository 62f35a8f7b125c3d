package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.DataGap;
import io.cellbench.schedules.journal.ResumePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a resume found when it held each cell's data against its journal (see {@link
 * ResumePlan}), turned into a refusal or into notices for events.jsonl: never a silent hole.
 */
final class ResumeData {
    private ResumeData() {
    }

    /**
     * Refuses when recorded data are missing, unless {@code accept}: then each such cell
     * continues from its journal and the hole is noted. Samples an interruption kept from
     * reaching the disk are noted too. Replaces the accepted entries of {@code plan}.
     */
    static void check(Path dir, Map<String, ResumePlan.CellPlan> plan, boolean accept, List<RunEvent.Notice> notes) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, ResumePlan.CellPlan> e : plan.entrySet()) {
            switch (e.getValue()) {
                case ResumePlan.MissingData m -> {
                    double from = Double.isInfinite(m.onDiskTestTimeSecond()) ? 0 : m.onDiskTestTimeSecond();
                    double to = m.entry().position().testTimeSecond();
                    missing.add(String.format(Locale.ROOT, "cell %s: its samples on disk end at test time %.0f s (%s),"
                            + " but its journal says samples up to %.0f s (%s) had been written: %s of recorded data are"
                            + " missing from %s", m.cellId(), from, DataGap.hours(from), m.writtenTestTimeSecond(),
                            DataGap.hours(m.writtenTestTimeSecond()), DataGap.hours(m.writtenTestTimeSecond() - from),
                            dir.resolve("cells").resolve(m.cellId()).resolve("samples*.arrows")));
                    if (accept) {
                        e.setValue(m.accepted());
                        notes.add(new RunEvent.Notice(m.cellId(), to, RunEvent.Severity.WARNING, DataGap.message(from,
                                to, "the recorded samples are missing (the journal had them written up to "
                                        + String.format(Locale.ROOT, "%.0f s", m.writtenTestTimeSecond())
                                        + "); the operator accepted the hole (cellbench resume --accept-missing-data)"
                                        + " and the cell continued from its journal")));
                    }
                }
                case ResumePlan.Continue c when c.unwritten() != null -> notes.add(new RunEvent.Notice(c.cellId(),
                        c.unwritten()[1], RunEvent.Severity.INFO, String.format(Locale.ROOT, "samples from test time"
                                + " %.1f s to %.1f s had not reached the disk when the process was interrupted and are"
                                + " lost (an interruption costs at most the data since the journal's last write)",
                        c.unwritten()[0], c.unwritten()[1])));
                default -> {
                }
            }
        }
        if (!missing.isEmpty() && !accept) {
            throw new UserError(String.join("\n", missing) + "\nResuming would leave that hole. Restore the files (from"
                    + " a backup) and resume again, or resume with --accept-missing-data to continue each cell from"
                    + " its journal with the hole recorded in events.jsonl (the 'data' commands then warn of it).");
        }
    }
}
