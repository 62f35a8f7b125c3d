package io.cellbench.cli.serve;

/**
 * One row of the live page's table: where a cell is. Numbers are {@code NaN} when not known
 * (no sample yet), {@code progress} is {@code NaN} when the planned step count is not known
 * (a run directory served from its files alone).
 *
 * @param state     not started, running, settling, measuring impedance, or ended
 * @param outcome   how the cell's run ended (COMPLETED, LIMIT, …), {@code null} while it has not
 * @param lastEvent the cell's latest step, notice or end event as one line of text
 */
public record CellView(
        String id,
        String state,
        String step,
        int cycle,
        double voltageVolt,
        double currentAmpere,
        double testTimeSecond,
        double progress,
        String outcome,
        String lastEvent) {
}
