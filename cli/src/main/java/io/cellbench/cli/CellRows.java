package io.cellbench.cli;

import java.io.IOException;

/** Receives the rows a {@link DataSource} streams, each with the cell it belongs to. */
@FunctionalInterface
interface CellRows<R> {
    void accept(String cellId, R row) throws IOException;
}
