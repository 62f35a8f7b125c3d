package io.cellbench.impedance.circuit;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * An equivalent circuit read from impedance.py's notation, e.g. {@code R0-p(R1,CPE1)-p(R2,CPE2)-W1}.
 * Its parameters are one vector, element by element from left to right, named as impedance.py
 * names them: {@code R0} for a one-parameter element, {@code CPE1_0}, {@code CPE1_1} for the
 * parameters of a two-parameter one. Immutable and safe to share between threads.
 */
public final class Circuit {

    /**
     * One parameter of the circuit.
     *
     * @param name    impedance.py's name: {@code R0}, {@code CPE1_0}
     * @param element the element it belongs to ({@code CPE1})
     * @param kind    symbol, unit and default bounds
     */
    public record Parameter(String name, String element, ElementType type, ElementType.ParameterKind kind) {

        public String symbol() {
            return kind.symbol();
        }

        public String unit() {
            return kind.unit();
        }
    }

    private final String text;
    private final CircuitNode root;
    private final List<Parameter> parameters;

    private Circuit(String text, CircuitNode root) {
        this.text = text;
        this.root = root;
        List<Parameter> list = new ArrayList<>();
        for (CircuitNode.Element e : root.elements()) {
            List<ElementType.ParameterKind> kinds = e.type().parameters();
            for (int k = 0; k < kinds.size(); k++) {
                String name = kinds.size() == 1 ? e.name() : e.name() + "_" + k;
                list.add(new Parameter(name, e.name(), e.type(), kinds.get(k)));
            }
        }
        this.parameters = List.copyOf(list);
    }

    /** Reads a circuit string; a bad one throws {@link CircuitSyntaxException} with the column and the problem. */
    public static Circuit parse(String text) {
        return new Circuit(text, CircuitParser.parse(text));
    }

    public String text() {
        return text;
    }

    public CircuitNode root() {
        return root;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public int parameterCount() {
        return parameters.size();
    }

    /** The index of the parameter called {@code name}, or −1. */
    public int indexOf(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Z at {@code frequencyHz} for the parameter vector {@code p}. */
    public Complex impedance(double frequencyHz, double[] p) {
        return impedance(frequencyHz, p, null);
    }

    /** Z at {@code frequencyHz}, with dZ/dp_k written to {@code dz[k]} when {@code dz} is not null. */
    public Complex impedance(double frequencyHz, double[] p, Complex[] dz) {
        if (p.length != parameters.size()) {
            throw new IllegalArgumentException("circuit " + text + " has " + parameters.size() + " parameters, got "
                    + p.length);
        }
        return root.impedance(2 * Math.PI * frequencyHz, p, dz);
    }

    @Override
    public String toString() {
        return text;
    }
}
