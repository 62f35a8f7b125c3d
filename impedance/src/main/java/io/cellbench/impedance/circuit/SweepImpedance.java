package io.cellbench.impedance.circuit;

/**
 * Z of a circuit at every frequency of one sweep, and dZ/dp for every parameter, evaluated node
 * by node for all points at once: what a fit does some 25 times per start. Each element computes
 * its values at all frequencies in one call ({@link SweepElements}), so what depends only on the
 * parameters (a CPE's phase cos, sin of απ/2) is computed once per evaluation instead of once per
 * point, and what depends only on the frequencies (ω, ln ω, 1/√ω) once per sweep, here. Results
 * equal {@link Circuit#impedance(double, double[], org.hipparchus.complex.Complex[])} within
 * rounding ({@code SweepImpedanceTest}). Not thread-safe: one per fit, which runs on one thread.
 */
public final class SweepImpedance {

    final int points;
    final double[] omega;
    final double[] logOmega;
    final double[] inverseRootOmega;
    /** The largest ω, 1/√ω and |ln ω| of the sweep: bounds of what an element's formulas can reach. */
    final double maxOmega;
    final double minOmega;
    final double maxInverseRoot;
    final double maxAbsLog;
    final double minLog;
    final double maxLog;
    /** dZ/dp_k at every point: {@code derivativeRe[k][i]}, written by the element that owns parameter k. */
    final double[][] derivativeRe;
    final double[][] derivativeIm;
    private final int parameterCount;
    private final Node root;

    /** For {@code circuit} at {@code frequenciesHz}, which the evaluations keep. */
    public SweepImpedance(Circuit circuit, double[] frequenciesHz) {
        this.points = frequenciesHz.length;
        this.parameterCount = circuit.parameterCount();
        this.omega = new double[points];
        this.logOmega = new double[points];
        this.inverseRootOmega = new double[points];
        for (int i = 0; i < points; i++) {
            omega[i] = 2 * Math.PI * frequenciesHz[i];
            logOmega[i] = Math.log(omega[i]);
            inverseRootOmega[i] = 1 / Math.sqrt(omega[i]);
        }
        this.maxOmega = java.util.Arrays.stream(omega).max().orElse(1);
        this.minOmega = java.util.Arrays.stream(omega).min().orElse(1);
        this.maxInverseRoot = 1 / Math.sqrt(minOmega);
        this.minLog = Math.log(minOmega);
        this.maxLog = Math.log(maxOmega);
        this.maxAbsLog = Math.max(Math.abs(minLog), Math.abs(maxLog));
        this.derivativeRe = new double[parameterCount][points];
        this.derivativeIm = new double[parameterCount][points];
        this.root = compile(circuit.root());
    }

    /** Evaluates Z at every point for the parameters {@code p}, and dZ/dp as well when {@code derivatives}. */
    public void evaluate(double[] p, boolean derivatives) {
        if (p.length != parameterCount) {
            throw new IllegalArgumentException("the circuit has " + parameterCount + " parameters, got " + p.length);
        }
        root.evaluate(p, derivatives);
    }

    /** Re Z at each point, from the last {@link #evaluate}; the array is reused by the next. */
    public double[] real() {
        return root.re;
    }

    public double[] imag() {
        return root.im;
    }

    /** Re dZ/dp_k at each point, from the last {@link #evaluate} with derivatives. */
    public double[] derivativeReal(int k) {
        return derivativeRe[k];
    }

    public double[] derivativeImag(int k) {
        return derivativeIm[k];
    }

    private Node compile(CircuitNode node) {
        return switch (node) {
            case CircuitNode.Element e -> new ElementNode(e);
            case CircuitNode.Series s -> new SeriesNode(s.parts().stream().map(this::compile).toArray(Node[]::new));
            case CircuitNode.Parallel p -> new ParallelNode(p.branches().stream().map(this::compile).toArray(Node[]::new));
        };
    }

    /** A node's Z at every point, in arrays of its own. */
    private abstract class Node {
        final double[] re = new double[points];
        final double[] im = new double[points];

        abstract void evaluate(double[] p, boolean derivatives);

        /** The circuit's parameters from {@code first()} to {@code end()} (exclusive) are this node's. */
        abstract int first();

        abstract int end();
    }

    private final class ElementNode extends Node {
        private final CircuitNode.Element element;

        ElementNode(CircuitNode.Element element) {
            this.element = element;
        }

        @Override
        void evaluate(double[] p, boolean derivatives) {
            SweepElements.evaluate(SweepImpedance.this, element.type(), element.offset(), p, re, im, derivatives);
        }

        @Override
        int first() {
            return element.offset();
        }

        @Override
        int end() {
            return element.parameterEnd();
        }
    }

    /** Nodes joined: their parameters are contiguous, from the first's to the last's. */
    private abstract class GroupNode extends Node {
        final Node[] children;

        GroupNode(Node[] children) {
            this.children = children;
        }

        @Override
        int first() {
            return children[0].first();
        }

        @Override
        int end() {
            return children[children.length - 1].end();
        }
    }

    /** Z = Σ Z_i; each part's derivatives pass through unchanged. */
    private final class SeriesNode extends GroupNode {

        SeriesNode(Node[] parts) {
            super(parts);
        }

        @Override
        void evaluate(double[] p, boolean derivatives) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (Node part : children) {
                part.evaluate(p, derivatives);
                for (int i = 0; i < points; i++) {
                    re[i] += part.re[i];
                    im[i] += part.im[i];
                }
            }
        }
    }

    /**
     * Z = 1/Σ Y_i with Y_i = 1/Z_i; a branch's derivatives are scaled by (Z/Z_i)² = (Z·Y_i)², the
     * chain rule through 1/Σ(1/Z_i).
     */
    private final class ParallelNode extends GroupNode {
        private final Node[] branches;
        private final double[][] admittanceRe;
        private final double[][] admittanceIm;

        ParallelNode(Node[] branches) {
            super(branches);
            this.branches = branches;
            this.admittanceRe = new double[branches.length][points];
            this.admittanceIm = new double[branches.length][points];
        }

        @Override
        void evaluate(double[] p, boolean derivatives) {
            for (int b = 0; b < branches.length; b++) {
                branches[b].evaluate(p, derivatives);
                double[] zr = branches[b].re;
                double[] zi = branches[b].im;
                for (int i = 0; i < points; i++) {
                    ComplexParts.reciprocal(zr[i], zi[i], admittanceRe[b], admittanceIm[b], i);
                }
            }
            for (int i = 0; i < points; i++) {
                double yRe = 0;
                double yIm = 0;
                for (int b = 0; b < branches.length; b++) {
                    yRe += admittanceRe[b][i];
                    yIm += admittanceIm[b][i];
                }
                ComplexParts.reciprocal(yRe, yIm, re, im, i);
            }
            if (!derivatives) {
                return;
            }
            for (int b = 0; b < branches.length; b++) {
                double[] yr = admittanceRe[b];
                double[] yi = admittanceIm[b];
                int end = branches[b].end();
                for (int i = 0; i < points; i++) {
                    double ratioRe = re[i] * yr[i] - im[i] * yi[i];
                    double ratioIm = re[i] * yi[i] + im[i] * yr[i];
                    double scaleRe = ratioRe * ratioRe - ratioIm * ratioIm;
                    double scaleIm = 2 * ratioRe * ratioIm;
                    for (int k = branches[b].first(); k < end; k++) {
                        double dr = derivativeRe[k][i];
                        double di = derivativeIm[k][i];
                        derivativeRe[k][i] = dr * scaleRe - di * scaleIm;
                        derivativeIm[k][i] = dr * scaleIm + di * scaleRe;
                    }
                }
            }
        }
    }
}
