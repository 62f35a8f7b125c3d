package io.cellbench.schedules.schedule;

import io.cellbench.protocols.FitCircuit;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import java.util.List;

/**
 * The circuit a schedule's sweeps are fitted with during the run (issue 16): its own
 * {@code fit:}, which wins over its protocols', or else the one its cells' protocols name. A run
 * writes one circuit's parameters (fits.arrows, InfluxDB's impedance_fits), so protocols that
 * name different circuits without the schedule choosing are an error at the cell that differs.
 */
final class ScheduleFit {
    private ScheduleFit() {
    }

    /** The schedule's own {@code fit:}, checked at its file:line:column. */
    static String named(YamlDocument doc, YamlNode.Entry entry) {
        if (!(entry.value() instanceof YamlNode.Scalar s) || s.value() == null || s.value().isBlank()) {
            throw doc.error(entry.value() instanceof YamlNode.Scalar ? entry.key() : entry.value(),
                    "'fit' needs a circuit on one line, not " + YamlNode.kind(entry.value()),
                    "e.g. 'fit: L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1' (docs/impedance.md)");
        }
        return FitCircuit.read(doc.text(s));
    }

    /** The circuit the cells' protocols agree on, or null when none names one. */
    static String ofProtocols(YamlDocument doc, List<ScheduledCell> cells, YamlNode.Sequence items) {
        ScheduledCell first = null;
        for (int i = 0; i < cells.size(); i++) {
            ScheduledCell cell = cells.get(i);
            String circuit = cell.protocol().fitCircuit();
            if (circuit == null) {
                continue;
            }
            if (first == null) {
                first = cell;
            } else if (!circuit.equals(first.protocol().fitCircuit())) {
                throw doc.error(items.items().get(i), "cell '" + cell.info().id() + "' has its sweeps fitted with "
                                + circuit + " (its protocol " + cell.protocol().source() + "), cell '" + first.info().id()
                                + "' with " + first.protocol().fitCircuit() + " (" + first.protocol().source()
                                + "); a run fits every sweep with one circuit",
                        "name the circuit once for the run with 'fit: …' at the top of the schedule (it wins over the "
                                + "protocols'), or make the protocols name the same one");
            }
        }
        return first == null ? null : first.protocol().fitCircuit();
    }
}
