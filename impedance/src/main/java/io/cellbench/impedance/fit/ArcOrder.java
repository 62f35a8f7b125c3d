package io.cellbench.impedance.fit;

import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.circuit.CircuitNode;
import io.cellbench.impedance.circuit.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Series terms commute: {@code p(R1,CPE1)-p(R2,CPE2)} fits a spectrum as well with its two arcs
 * exchanged, so a fit from automatic guesses could call the grain boundaries R2 in one sweep and
 * R1 in the next (the demo's pouch cells did). The circuit's meaning is in its written order,
 * high to low frequency (docs/impedance.md), so top-level arcs of the same shape — p(R,CPE) or
 * p(R,C) — are renumbered to follow it: the shortest time constant first. The impedance, χ² and
 * residuals are the same; only the names move.
 */
final class ArcOrder {

    /** A top-level R ∥ CPE (alpha ≥ 0) or R ∥ C (alpha −1) term: its parameters' indices. */
    private record Arc(int r, int q, int alpha) {
        double tau(double[] p) {
            return alpha < 0 ? p[r] * p[q] : Math.pow(p[r] * p[q], 1 / p[alpha]);
        }
    }

    private ArcOrder() {
    }

    /** {@code parameters} with the arcs of each shape in ascending τ, in written order. */
    static double[] ascending(Circuit circuit, double[] parameters) {
        double[] out = parameters.clone();
        List<CircuitNode> parts = circuit.root() instanceof CircuitNode.Series s ? s.parts() : List.of(circuit.root());
        List<Arc> cpe = new ArrayList<>();
        List<Arc> c = new ArrayList<>();
        for (CircuitNode part : parts) {
            if (part instanceof CircuitNode.Parallel p && p.branches().size() == 2
                    && p.branches().get(0) instanceof CircuitNode.Element a
                    && p.branches().get(1) instanceof CircuitNode.Element b && a.type() == ElementType.R) {
                if (b.type() == ElementType.CPE) {
                    cpe.add(new Arc(a.offset(), b.offset(), b.offset() + 1));
                } else if (b.type() == ElementType.C) {
                    c.add(new Arc(a.offset(), b.offset(), -1));
                }
            }
        }
        reorder(cpe, parameters, out);
        reorder(c, parameters, out);
        return out;
    }

    private static void reorder(List<Arc> arcs, double[] in, double[] out) {
        List<Arc> byTau = arcs.stream().sorted(Comparator.comparingDouble(a -> a.tau(in))).toList();
        for (int k = 0; k < arcs.size(); k++) {
            Arc slot = arcs.get(k);
            Arc from = byTau.get(k);
            out[slot.r] = in[from.r];
            out[slot.q] = in[from.q];
            if (slot.alpha >= 0) {
                out[slot.alpha] = in[from.alpha];
            }
        }
    }
}
