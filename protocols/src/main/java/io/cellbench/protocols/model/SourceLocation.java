package io.cellbench.protocols.model;

/** Where a step or value was written: file, 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
