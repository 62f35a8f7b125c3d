package io.cellbench.impedance.circuit;

import java.util.List;

/**
 * The circuit elements, with the names, parameter order and units impedance.py users know
 * (ECSHackWeek/impedance.py, impedance/models/circuits/elements.py). The formulas and their
 * derivatives are in {@link ElementImpedance}; docs/impedance.md lists them for users.
 */
public enum ElementType {
    R("resistor", p("R", "Ω", "resistance")),
    C("capacitor", p("C", "F", "capacitance")),
    L("inductor", p("L", "H", "inductance")),
    La("modified inductor", p("L", "H·s^(α−1)", "inductance"), exponent("α")),
    CPE("constant-phase element", p("Q", "Ω⁻¹·s^α", "CPE coefficient"), exponent("α")),
    W("semi-infinite Warburg", p("Aw", "Ω·s^(−1/2)", "Warburg coefficient")),
    Wo("open (reflective) finite Warburg", p("Z0", "Ω", "diffusion resistance"), p("τ", "s", "diffusion time L²/D")),
    Ws("short (transmissive) finite Warburg", p("Z0", "Ω", "diffusion resistance"), p("τ", "s", "diffusion time L²/D")),
    K("RC (Voigt) element", p("R", "Ω", "resistance"), p("τ", "s", "time constant")),
    Zarc("ZARC (R parallel to a CPE, written with τ)", p("R", "Ω", "resistance"), p("τ", "s", "time constant"),
            exponent("γ")),
    G("Gerischer element", p("R", "Ω", "resistance"), p("τ", "s", "time constant")),
    Gs("finite-length Gerischer element", p("R", "Ω", "resistance"), p("τ", "s", "time constant"),
            new ParameterKind("φ", "", "thickness ratio", 0, Double.POSITIVE_INFINITY));

    /**
     * One parameter of an element type: its symbol, unit and default bounds (impedance.py's
     * default is 0 … ∞ for all; exponents are limited to 0 … 1, where the element stays passive).
     */
    public record ParameterKind(String symbol, String unit, String meaning, double lower, double upper) {
    }

    private final String description;
    private final List<ParameterKind> parameters;

    ElementType(String description, ParameterKind... parameters) {
        this.description = description;
        this.parameters = List.of(parameters);
    }

    public String description() {
        return description;
    }

    public List<ParameterKind> parameters() {
        return parameters;
    }

    public int parameterCount() {
        return parameters.size();
    }

    /**
     * The type whose name starts {@code text} at {@code from}, the longest that matches
     * ("Ws1" is a Ws, not a W), or {@code null}.
     */
    static ElementType prefixOf(String text, int from) {
        ElementType best = null;
        for (ElementType type : values()) {
            if (text.startsWith(type.name(), from) && (best == null || type.name().length() > best.name().length())) {
                best = type;
            }
        }
        return best;
    }

    private static ParameterKind p(String symbol, String unit, String meaning) {
        return new ParameterKind(symbol, unit, meaning, 0, Double.POSITIVE_INFINITY);
    }

    private static ParameterKind exponent(String symbol) {
        return new ParameterKind(symbol, "", "exponent", 0, 1);
    }
}
