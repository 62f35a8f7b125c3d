package io.cellbench.impedance.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellbench.testing.Seeds;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Lin-KK's least squares against Hipparchus' QR on random overdetermined systems, and a
 * dependent column reported as such. Seed printed; override with -Dcellbench.seed=N.
 */
class HouseholderQrTest {

    /** The project's one seed convention: printed with how to replay it, -Dcellbench.seed overrides. */
    private static final long SEED = Seeds.seed("HouseholderQrTest");

    @Test
    void solvesAsHipparchusQrDoes() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 50; trial++) {
            int cols = 1 + random.nextInt(35);
            int rows = cols + random.nextInt(110);
            double[][] a = new double[rows][cols];
            double[] b = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    a[i][j] = random.nextGaussian();
                }
                b[i] = random.nextGaussian();
            }
            double[] expected = new QRDecomposition(new Array2DRowRealMatrix(a)).getSolver()
                    .solve(new ArrayRealVector(b)).toArray();
            double[] x = HouseholderQr.solve(a, b, 1e-10);
            for (int j = 0; j < cols; j++) {
                assertEquals(expected[j], x[j], 1e-9 * (1 + Math.abs(expected[j])),
                        "trial " + trial + ", " + rows + "×" + cols + ", x[" + j + "], " + Seeds.replay(SEED));
            }
        }
    }

    @Test
    void aDependentColumnGivesNoAnswer() {
        double[][] a = new double[20][3];
        double[] b = new double[20];
        for (int i = 0; i < 20; i++) {
            a[i][0] = 1;
            a[i][1] = i;
            a[i][2] = 2 - 3 * i; // 2·col 0 − 3·col 1
            b[i] = i * i;
        }
        assertNull(HouseholderQr.solve(a, b, 1e-10));
        a[0][2] += 1e-3;
        assertEquals(3, HouseholderQr.solve(a, b, 1e-10).length, "no longer dependent");
    }
}
