package io.cellbench.impedance.circuit;

import java.util.List;
import org.hipparchus.complex.Complex;

/** A circuit as a tree: elements joined in series ({@code a-b}) or in parallel ({@code p(a,b)}). */
public sealed interface CircuitNode {

    /** Z at angular frequency {@code omega}; derivatives for this node's parameters go to {@code dz} if not null. */
    Complex impedance(double omega, double[] parameters, Complex[] dz);

    /**
     * The same without allocating: Z goes to {@code zRe/zIm[firstParameter()]}, derivatives to
     * {@code dzRe/dzIm} if not null. Slot {@code k} of {@code zRe/zIm} is scratch for the node
     * whose parameters start at {@code k}: a node writes only slots within its own parameters,
     * so a parallel's branch values stay put while its later branches are evaluated. Both arrays
     * hold twice as many slots as there are parameters; the upper half is a parallel's scratch.
     */
    void impedance(double omega, double[] parameters, double[] zRe, double[] zIm, double[] dzRe, double[] dzIm);

    /** The elements under this node, left to right as written. */
    List<Element> elements();

    /** The first of this node's parameters in the circuit's parameter vector (a node's parameters are contiguous). */
    int firstParameter();

    /** One past the last of this node's parameters. */
    int parameterEnd();

    /**
     * One named element ({@code R0}, {@code CPE1}); its parameters sit at {@code offset …} in the
     * circuit's parameter vector.
     *
     * @param column 1-based column of the name in the circuit string
     */
    record Element(String name, ElementType type, int offset, int column) implements CircuitNode {

        @Override
        public Complex impedance(double omega, double[] parameters, Complex[] dz) {
            return ElementImpedance.evaluate(type, omega, parameters, offset, dz);
        }

        @Override
        public void impedance(double omega, double[] parameters, double[] zRe, double[] zIm, double[] dzRe,
                              double[] dzIm) {
            ElementImpedance.evaluate(type, omega, parameters, offset, zRe, zIm, dzRe, dzIm);
        }

        @Override
        public List<Element> elements() {
            return List.of(this);
        }

        @Override
        public int firstParameter() {
            return offset;
        }

        @Override
        public int parameterEnd() {
            return offset + type.parameterCount();
        }
    }

    /** Z = Σ Z_i; each branch's derivatives pass through unchanged. */
    record Series(List<CircuitNode> parts) implements CircuitNode {

        public Series {
            parts = List.copyOf(parts);
        }

        @Override
        public Complex impedance(double omega, double[] parameters, Complex[] dz) {
            Complex sum = Complex.ZERO;
            for (CircuitNode part : parts) {
                sum = sum.add(part.impedance(omega, parameters, dz));
            }
            return sum;
        }

        @Override
        public void impedance(double omega, double[] parameters, double[] zRe, double[] zIm, double[] dzRe,
                              double[] dzIm) {
            // 0 + z0 + z1 + …, in Complex.add's order
            double re = 0;
            double im = 0;
            for (CircuitNode part : parts) {
                part.impedance(omega, parameters, zRe, zIm, dzRe, dzIm);
                int slot = part.firstParameter();
                re += zRe[slot];
                im += zIm[slot];
            }
            ComplexParts.set(zRe, zIm, firstParameter(), re, im);
        }

        @Override
        public List<Element> elements() {
            return parts.stream().flatMap(p -> p.elements().stream()).toList();
        }

        @Override
        public int firstParameter() {
            return parts.getFirst().firstParameter();
        }

        @Override
        public int parameterEnd() {
            return parts.getLast().parameterEnd();
        }
    }

    /** Z = 1/Σ(1/Z_i); a branch's derivatives are scaled by (Z/Z_i)², the chain rule through 1/Σ(1/Z_i). */
    record Parallel(List<CircuitNode> branches) implements CircuitNode {

        public Parallel {
            branches = List.copyOf(branches);
        }

        @Override
        public Complex impedance(double omega, double[] parameters, Complex[] dz) {
            Complex[] branchZ = new Complex[branches.size()];
            Complex admittance = Complex.ZERO;
            for (int i = 0; i < branchZ.length; i++) {
                branchZ[i] = branches.get(i).impedance(omega, parameters, dz);
                admittance = admittance.add(branchZ[i].reciprocal());
            }
            Complex z = admittance.reciprocal();
            if (dz != null) {
                for (int i = 0; i < branchZ.length; i++) {
                    Complex ratio = z.divide(branchZ[i]);
                    Complex scale = ComplexParts.product(ratio, ratio);
                    CircuitNode branch = branches.get(i);
                    for (int k = branch.firstParameter(); k < branch.parameterEnd(); k++) {
                        dz[k] = ComplexParts.product(dz[k], scale);
                    }
                }
            }
            return z;
        }

        @Override
        public void impedance(double omega, double[] parameters, double[] zRe, double[] zIm, double[] dzRe,
                              double[] dzIm) {
            int first = firstParameter();
            // slot parameters.length + first holds each intermediate just long enough to read it back
            int temp = parameters.length + first;
            double admittanceRe = 0;
            double admittanceIm = 0;
            for (CircuitNode branch : branches) {
                branch.impedance(omega, parameters, zRe, zIm, dzRe, dzIm);
                int slot = branch.firstParameter();
                ComplexParts.reciprocal(zRe[slot], zIm[slot], zRe, zIm, temp);
                admittanceRe += zRe[temp];
                admittanceIm += zIm[temp];
            }
            ComplexParts.reciprocal(admittanceRe, admittanceIm, zRe, zIm, temp);
            double re = zRe[temp];
            double im = zIm[temp];
            if (dzRe != null) {
                for (CircuitNode branch : branches) {
                    int slot = branch.firstParameter();
                    ComplexParts.divide(re, im, zRe[slot], zIm[slot], zRe, zIm, temp);
                    double ratioRe = zRe[temp];
                    double ratioIm = zIm[temp];
                    ComplexParts.product(ratioRe, ratioIm, ratioRe, ratioIm, zRe, zIm, temp);
                    double scaleRe = zRe[temp];
                    double scaleIm = zIm[temp];
                    for (int k = branch.firstParameter(); k < branch.parameterEnd(); k++) {
                        ComplexParts.product(dzRe[k], dzIm[k], scaleRe, scaleIm, dzRe, dzIm, k);
                    }
                }
            }
            ComplexParts.set(zRe, zIm, first, re, im);
        }

        @Override
        public List<Element> elements() {
            return branches.stream().flatMap(b -> b.elements().stream()).toList();
        }

        @Override
        public int firstParameter() {
            return branches.getFirst().firstParameter();
        }

        @Override
        public int parameterEnd() {
            return branches.getLast().parameterEnd();
        }
    }
}
