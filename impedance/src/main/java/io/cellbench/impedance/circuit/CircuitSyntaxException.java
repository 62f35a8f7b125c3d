package io.cellbench.impedance.circuit;

/** A circuit string that cannot be read: says where (1-based column) and what is wrong. */
public final class CircuitSyntaxException extends IllegalArgumentException {

    private final String circuit;
    private final int column;

    CircuitSyntaxException(String circuit, int column, String problem) {
        super("circuit '" + circuit + "', column " + column + ": " + problem);
        this.circuit = circuit;
        this.column = column;
    }

    public String circuit() {
        return circuit;
    }

    /** 1-based column of the problem in the circuit string. */
    public int column() {
        return column;
    }
}
