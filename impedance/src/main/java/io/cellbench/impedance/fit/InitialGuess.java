package io.cellbench.impedance.fit;

import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.circuit.CircuitNode;
import io.cellbench.impedance.circuit.ElementType;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting values for every parameter of a circuit, read from the spectrum's features so a
 * technician never types one. The circuit's top-level series is walked left to right:
 * a resistor takes the high-frequency intercept, an inductor the inductive part, a Warburg or
 * series capacitor the low-frequency tail, and every arc-like term (a {@code p(…)}, K, Zarc, G,
 * Gs) one detected arc, in the order written (users write circuits from high to low
 * frequency). Inside {@code p(…)} the resistive branch takes the arc's diameter and the
 * capacitive branch C = τ/R or, for a CPE, Q = τ^n/R.
 *
 * <p>A circuit may have more arc-like terms than the spectrum shows arcs (a grain-boundary arc
 * above the highest frequency, two arcs merged into one). Then several candidates are made,
 * each placing the missing arcs differently; the fitter starts from each and keeps the best.
 */
final class InitialGuess {

    /** How far (in decades) a missing arc is placed beyond or beside the arcs that were seen. */
    private static final double MISSING_ARC_DECADES = 0.75;

    private final Circuit circuit;
    private final SpectrumFeatures features;

    private InitialGuess(Circuit circuit, SpectrumFeatures features) {
        this.circuit = circuit;
        this.features = features;
    }

    /** One or more full parameter vectors to start from, the most likely first. */
    static List<double[]> candidates(Circuit circuit, SpectrumFeatures features) {
        InitialGuess guess = new InitialGuess(circuit, features);
        List<CircuitNode> terms = topLevel(circuit.root());
        int arcTerms = (int) terms.stream().filter(InitialGuess::isArcLike).count();
        List<double[]> out = new ArrayList<>();
        for (List<SpectrumFeatures.Arc> arcs : ArcPlacement.placements(features, arcTerms, MISSING_ARC_DECADES)) {
            for (double tailScale : guess.hasFiniteWarburg() ? new double[] {1, 10, 0.1} : new double[] {1}) {
                out.add(guess.vector(terms, arcs, tailScale));
            }
        }
        return out;
    }

    private boolean hasFiniteWarburg() {
        return circuit.root().elements().stream()
                .anyMatch(e -> e.type() == ElementType.Wo || e.type() == ElementType.Ws);
    }

    private double[] vector(List<CircuitNode> terms, List<SpectrumFeatures.Arc> arcs, double tailScale) {
        double[] p = new double[circuit.parameterCount()];
        int arc = 0;
        boolean firstResistor = true;
        for (CircuitNode term : terms) {
            if (isArcLike(term)) {
                assignArc(term, arcs.get(arc++), p, tailScale);
            } else if (term instanceof CircuitNode.Element e && e.type() == ElementType.R) {
                p[e.offset()] = firstResistor ? Math.max(features.highFrequencyOhm(), 1e-9 * scale())
                        : 0.01 * scale();
                firstResistor = false;
            } else {
                assignTail(term, p, tailScale);
            }
        }
        return p;
    }

    /** A term of the top-level series that makes an arc. */
    private static boolean isArcLike(CircuitNode node) {
        return switch (node) {
            case CircuitNode.Parallel par -> true;
            case CircuitNode.Series s -> false;
            case CircuitNode.Element e -> e.type() == ElementType.K || e.type() == ElementType.Zarc
                    || e.type() == ElementType.G || e.type() == ElementType.Gs;
        };
    }

    private static List<CircuitNode> topLevel(CircuitNode root) {
        return root instanceof CircuitNode.Series s ? s.parts() : List.of(root);
    }

    /** An arc of diameter R, time constant τ and depression n, given to a p(…) or an arc element. */
    private void assignArc(CircuitNode node, SpectrumFeatures.Arc arc, double[] p, double tailScale) {
        double r = arc.diameterOhm();
        double tau = arc.tauSecond();
        double n = arc.depression();
        switch (node) {
            case CircuitNode.Parallel par -> {
                for (CircuitNode branch : par.branches()) {
                    if (isCapacitive(branch)) {
                        CircuitNode.Element e = (CircuitNode.Element) branch;
                        setCapacitor(e, p, tau / r, Math.pow(tau, n) / r, n);
                    } else {
                        assignResistive(branch, r, tau, n, p, tailScale);
                    }
                }
            }
            case CircuitNode.Series s -> assignResistive(s, r, tau, n, p, tailScale);
            case CircuitNode.Element e -> assignElement(e, r, tau, n, p, tailScale);
        }
    }

    /** A branch that carries the arc's DC current: its resistors share R, the rest get what fits. */
    private void assignResistive(CircuitNode node, double r, double tau, double n, double[] p, double tailScale) {
        switch (node) {
            case CircuitNode.Series s -> {
                boolean first = true;
                for (CircuitNode part : s.parts()) {
                    boolean resistor = part instanceof CircuitNode.Element e && e.type() == ElementType.R;
                    assignResistive(part, resistor && !first ? 0.1 * r : r, tau, n, p, tailScale);
                    first &= !resistor;
                }
            }
            case CircuitNode.Parallel par -> assignArc(par, new SpectrumFeatures.Arc(
                    1 / (2 * Math.PI * tau / 10), r / 2, n), p, tailScale);
            case CircuitNode.Element e -> assignElement(e, r, tau, n, p, tailScale);
        }
    }

    private void assignElement(CircuitNode.Element e, double r, double tau, double n, double[] p, double tailScale) {
        int o = e.offset();
        switch (e.type()) {
            case R -> p[o] = r;
            case K, G -> {
                p[o] = r;
                p[o + 1] = tau;
            }
            case Zarc -> {
                p[o] = r;
                p[o + 1] = tau;
                p[o + 2] = n;
            }
            case Gs -> {
                p[o] = r;
                p[o + 1] = tau;
                p[o + 2] = 1;
            }
            case C, CPE -> setCapacitor(e, p, tau / r, Math.pow(tau, n) / r, n);
            case L, La, W, Wo, Ws -> assignTail(e, p, tailScale);
        }
    }

    /** Elements outside any arc: inductance at the top, Warburg or blocking capacitor at the bottom. */
    private void assignTail(CircuitNode node, double[] p, double tailScale) {
        if (!(node instanceof CircuitNode.Element e)) {
            for (CircuitNode.Element inner : node.elements()) {
                assignTail(inner, p, tailScale);
            }
            return;
        }
        int o = e.offset();
        double omegaLow = features.lowestOmega();
        double aw = Math.max(features.warburgCoefficient(), 1e-6 * scale() * Math.sqrt(omegaLow));
        switch (e.type()) {
            case L -> p[o] = inductance();
            case La -> {
                p[o] = inductance();
                p[o + 1] = 1;
            }
            case W -> p[o] = aw;
            case Wo, Ws -> {
                // τ a few times 1/ω_min (the tail is still Warburg-like there); Z0 keeps the HF asymptote Z0/√(jωτ) = Aw·√2/√(jω)
                double tau = 3 / omegaLow * tailScale;
                p[o] = aw * Math.sqrt(2 * tau);
                p[o + 1] = tau;
            }
            case C, CPE -> {
                double c = 1 / (omegaLow * Math.max(features.lowFrequencyMinusImOhm(), 1e-3 * scale()));
                setCapacitor(e, p, c, c, 0.9);
            }
            case R -> p[o] = 0.01 * scale();
            case K, Zarc, G, Gs -> assignElement(e, 0.1 * scale(), 1 / omegaLow, 0.8, p, tailScale);
        }
    }

    private static boolean isCapacitive(CircuitNode node) {
        return node instanceof CircuitNode.Element e && (e.type() == ElementType.C || e.type() == ElementType.CPE);
    }

    private static void setCapacitor(CircuitNode.Element e, double[] p, double capacitance, double q, double n) {
        if (e.type() == ElementType.C) {
            p[e.offset()] = capacitance;
        } else {
            p[e.offset()] = q;
            p[e.offset() + 1] = n;
        }
    }

    /** The guess for L: what the top point shows, or an inductance too small to matter yet. */
    private double inductance() {
        double omegaTop = 2 * Math.PI * features.highestFrequencyHz();
        return Math.max(features.inductanceHenry(), 1e-4 * scale() / omegaTop);
    }

    /** A resistance scale of the spectrum, for values that have nothing to go by. */
    private double scale() {
        return Math.max(Math.abs(features.lowFrequencyOhm()), Math.abs(features.highFrequencyOhm()));
    }
}
