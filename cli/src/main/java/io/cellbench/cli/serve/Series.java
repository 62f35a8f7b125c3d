package io.cellbench.cli.serve;

/**
 * Voltage and current of one cell against test time, decimated for plotting.
 *
 * @param total how many samples the cell has after {@code since}, before decimation
 */
public record Series(String cellId, double[] testTimeSecond, float[] voltageVolt, float[] currentAmpere, int total) {

    public int size() {
        return testTimeSecond.length;
    }
}
