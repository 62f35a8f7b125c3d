package io.cellbench.impedance.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * AᵀA as the DRT forms it (upper triangle, rows four at a time, zero entries skipped) is the
 * product by its definition, Σ_r a_ri·a_rj summed over the rows in order, to the last bit: on
 * random matrices of every row count modulo four, with zeros where the DRT's have them (R∞ in the
 * imaginary rows, L in the real ones) and scattered elsewhere. Seed printed; override with
 * -Dcellbench.seed=N.
 */
class GramProductTest {

    private static final long SEED = Seeds.seed("GramProductTest");

    @Test
    void theProductIsTheDefinitionsSumToTheLastBit() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(40);
            int cols = 1 + random.nextInt(30);
            double[][] a = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    boolean zero = j == r % 2 || random.nextInt(10) == 0;
                    a[r][j] = zero ? 0 : random.nextGaussian() * Math.exp(10 * random.nextGaussian());
                }
            }
            double[][] product = DrtSystem.transposeTimesItself(a);
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (double[] row : a) {
                        sum += row[i] * row[j];
                    }
                    assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(product[i][j]),
                            "trial " + trial + " (" + rows + " × " + cols + "), entry " + i + ", " + j + ": "
                                    + sum + " against " + product[i][j] + ", " + Seeds.replay(SEED));
                }
            }
        }
    }
}
