package io.cellbench.impedance.circuit;

import java.util.List;
import org.hipparchus.complex.Complex;

/** A circuit as a tree: elements joined in series ({@code a-b}) or in parallel ({@code p(a,b)}). */
public sealed interface CircuitNode {

    /** Z at angular frequency {@code omega}; derivatives for this node's parameters go to {@code dz} if not null. */
    Complex impedance(double omega, double[] parameters, Complex[] dz);

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
