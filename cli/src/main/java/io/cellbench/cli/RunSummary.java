package io.cellbench.cli;

import io.cellbench.cli.format.OutputFormat;
import io.cellbench.cli.format.TablePrinter;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a finished run prints: outcomes, the per-cycle table, a line per cell and where the files are. */
final class RunSummary {
    static final int NOT_ALL_COMPLETED = 4;

    private RunSummary() {
    }

    static int print(Path dir, Map<String, RunEvent.Outcome> outcomes, PrintStream out) throws IOException {
        List<CycleOutputColumns.Row> rows = new ArrayList<>();
        List<String> cellLines = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        Map<String, String> reasons = CellEndReasons.read(dir);
        try (RunReader reader = RunReader.open(dir)) {
            for (String id : outcomes.keySet()) {
                // a cell that faulted before its run began (its instruments would not open) has no files
                boolean hasFiles = java.nio.file.Files.isDirectory(RunLayout.cellDirectory(dir, id));
                // a finished cell (a stopped one goes on at the resume) whose end run.json lacks
                Optional<CellEntry> entry = reader.manifest().cell(id);
                if (outcomes.get(id) != null && outcomes.get(id) != RunEvent.Outcome.STOPPED
                        && (entry.isPresent() || hasFiles)
                        && !entry.flatMap(CellEntry::outcome).equals(Optional.of(outcomes.get(id)))) {
                    unrecorded.add(id);
                }
                List<CycleSummary> cycles = hasFiles ? reader.cycles(id) : List.of();
                cycles.forEach(c -> rows.add(new CycleOutputColumns.Row(id, c)));
                double nominalAh = reader.manifest().cell(id).map(c -> c.cell().nominalCapacityAh()).orElse(Double.NaN);
                String line = FittedSummary.withFits(cellLine(id, width(outcomes.keySet()), outcomes.get(id), cycles,
                        nominalAh, hasFiles ? reader.spectra(id) : List.of()), dir, id);
                RunEvent.Outcome outcome = outcomes.get(id);
                String reason = reasons.get(id);
                if (outcome != null && outcome != RunEvent.Outcome.COMPLETED && reason != null && !reason.isBlank()) {
                    line += "  (" + reason + ")";
                }
                cellLines.add(line);
            }
        }
        out.println();
        out.println("Per-cycle summary");
        new TablePrinter<>(CycleOutputColumns.forFormat(OutputFormat.TABLE)).print(rows.iterator(), OutputFormat.TABLE, out);
        out.println();
        out.println("Cells");
        cellLines.forEach(out::println);
        out.println();
        out.println("Run directory: " + dir.toAbsolutePath().normalize());
        out.println("  run.json, events.jsonl, cells/<id>/samples.arrows (time series), spectra.arrows (EIS),");
        out.println("  cycles.arrows and cycles.csv (per-cycle summary). See docs/data.md.");
        out.println("  cellbench data cycles " + dir + " [--cell ID] [--format csv|json]");
        out.println("  cellbench data raw|eis " + dir + " [--cell ID] [--cycles A..B] [--format csv|json|arrow]");
        out.println("  cellbench data export " + dir + " -o DIR [--format bdf|csv|arrow]   a file per cell");
        if (outcomes.values().stream().anyMatch(o -> o == RunEvent.Outcome.STOPPED)) {
            out.println("Stopped cells continue where they stopped with: cellbench resume " + dir);
        }
        // What the run says must be what its record says: readers of run.json see only the latter.
        for (String id : unrecorded) {
            out.println("cellbench: ALARM: run.json does not record that cell " + id + " ended "
                    + outcomes.get(id).name().toLowerCase(Locale.ROOT) + " (the run directory could not take it:"
                    + " a full disk?); once there is room, 'cellbench resume " + dir + "' records it");
        }
        boolean allCompleted = outcomes.values().stream().allMatch(o -> o == RunEvent.Outcome.COMPLETED);
        return allCompleted && unrecorded.isEmpty() ? 0 : NOT_ALL_COMPLETED;
    }

    /**
     * One line a cell: outcome, formation, cycling capacity and how the impedance moved. The
     * real part at 0.1 Hz tracks the interface and diffusion resistance that stack pressure
     * and ageing change. Formation and retention are figures of full cycles only (see
     * {@link #full}): a protocol of pulses has none, and the last cycle of a run that did not
     * complete (a stop, a fault) is left out.
     */
    static String cellLine(String id, int idWidth, RunEvent.Outcome outcome, List<CycleSummary> cycles,
                           double nominalAh, List<Spectrum> spectra) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-11s", id,
                outcome == null ? "not run" : outcome.name().toLowerCase(Locale.ROOT)));
        // a run that did not complete was cut short in its last cycle, whatever it had reached
        List<CycleSummary> done = outcome == RunEvent.Outcome.COMPLETED || cycles.isEmpty() ? cycles
                : cycles.subList(0, cycles.size() - 1);
        if (!done.isEmpty() && full(done.getFirst(), nominalAh)) {
            CycleSummary first = done.getFirst();
            sb.append(String.format(Locale.ROOT, "  formation: %.3f mAh, CE %.1f %%", first.dischargeCapacityAh() * 1000,
                    first.coulombicEfficiency() * 100));
        }
        List<CycleSummary> later = done.stream().skip(1).filter(c -> full(c, nominalAh)).toList();
        if (later.size() >= 2) {
            CycleSummary second = later.getFirst();
            CycleSummary last = later.getLast();
            sb.append(String.format(Locale.ROOT, "  cycling: %.3f -> %.3f mAh (%.1f %% retained)",
                    second.dischargeCapacityAh() * 1000, last.dischargeCapacityAh() * 1000,
                    100 * last.dischargeCapacityAh() / second.dischargeCapacityAh()));
        }
        if (!spectra.isEmpty()) {
            double before = arcResistance(spectra.getFirst());
            double after = arcResistance(spectra.getLast());
            // a sweep that stops above the arcs (a quick check at 100 Hz) has no such figure
            if (Double.isFinite(before) && Double.isFinite(after)) {
                sb.append(String.format(Locale.ROOT, "  R(bulk+interface): %.2f -> %.2f Ohm", before, after));
            }
        }
        return sb.toString();
    }

    /**
     * A full cycle: it charged and discharged at least a fifth of the cell's nominal capacity
     * (the slowest rate a lab cycles at still does; a pulse, a short check or the cycle a stop
     * cut short does not). Without a nominal capacity, any cycle with both halves.
     */
    static boolean full(CycleSummary c, double nominalAh) {
        double least = Double.isFinite(nominalAh) && nominalAh > 0 ? nominalAh / 5 : 0;
        return c.chargeCapacityAh() > least && c.dischargeCapacityAh() > least;
    }

    private static int width(java.util.Collection<String> ids) {
        return ids.stream().mapToInt(String::length).max().orElse(4);
    }

    /**
     * The real part where the arcs end and the diffusion tail begins: walking up from the
     * lowest frequency, the first valley of −Im Z (the point below two higher ones). It
     * sums the bulk, grain-boundary and interface resistances, the figure that stack
     * pressure and ageing move.
     */
    static double arcResistance(Spectrum s) {
        List<ImpedancePoint> up = new ArrayList<>(s.points());
        up.sort(java.util.Comparator.comparingDouble(ImpedancePoint::frequencyHz));
        for (int i = 0; i + 2 < up.size(); i++) {
            double here = -up.get(i).zImagOhm();
            if (here < -up.get(i + 1).zImagOhm() && here < -up.get(i + 2).zImagOhm()) {
                return up.get(i).zRealOhm();
            }
        }
        return Double.NaN;
    }
}
