package io.cellbench.core.quantity;

/**
 * What a quantity measures. Each dimension has one SI unit in which values are held
 * internally; {@link Unit} lists the spellings people write.
 */
public enum Dimension {
    CURRENT("A"),
    /** C-rate, in multiples of the nominal capacity per hour ("C"). */
    C_RATE("C"),
    VOLTAGE("V"),
    TIME("s"),
    /** Charge (capacity), held in coulombs; battery people read it in Ah. */
    CHARGE("C (coulomb)"),
    /** Energy, held in joules; battery people read it in Wh. */
    ENERGY("J"),
    POWER("W"),
    RESISTANCE("Ohm"),
    PRESSURE("Pa"),
    /** Temperature, held in kelvin. */
    TEMPERATURE("K"),
    FREQUENCY("Hz"),
    AREA("m2"),
    MASS("kg"),
    FORCE("N");

    private final String siSymbol;

    Dimension(String siSymbol) {
        this.siSymbol = siSymbol;
    }

    /** The SI unit values of this dimension are held in. */
    public String siSymbol() {
        return siSymbol;
    }

    /** Lower-case name as used in messages and JSON ("c_rate", "voltage"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
