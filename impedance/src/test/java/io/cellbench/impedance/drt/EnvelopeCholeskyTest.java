package io.cellbench.impedance.drt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The λ search's Cholesky on the penalty's envelope: on the DRT's own penalty it skips all but a
 * dozen entries left of the diagonal and solves as the full factor does; on a matrix with no
 * zeros it is the ordinary Cholesky, to the bit. Seed printed; override with -Dcellbench.seed=N.
 */
class EnvelopeCholeskyTest {

    private static final long SEED = Seeds.seed("EnvelopeCholeskyTest");

    @Test
    void theDrtPenaltyIsFactoredOnADozenColumnsAndSolvesAsTheFullFactor() {
        RbfBasis basis = RbfBasis.build(0.1, 1e6, DrtOptions.defaults());
        double[][] penalty = basis.penalty();
        int n = penalty.length;
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            q[i] = penalty[i].clone();
            q[i][i] *= 1 + 1e-6;
        }
        EnvelopeCholesky envelope = EnvelopeCholesky.of(q);
        for (int i = 0; i < n; i++) {
            assertTrue(envelope.band(i) <= 12, "row " + i + " keeps " + envelope.band(i) + " entries");
        }
        assertEquals(12, envelope.band(n - 1), "the Gaussians overlap this far");
        double[][] b = random(new Random(SEED), n, 5);
        double[][] expected = fullSolve(q, b);
        double[][] actual = envelope.solve(b);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-14 * Math.abs(expected[i][j]) + 1e-300, i + "," + j);
            }
        }
    }

    @Test
    void aMatrixWithNoZerosIsFactoredInFull() {
        Random random = new Random(SEED);
        int n = 20;
        double[][] a = random(random, n, n);
        double[][] spd = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    spd[i][j] += a[i][k] * a[j][k];
                }
            }
            spd[i][i] += n;
        }
        EnvelopeCholesky envelope = EnvelopeCholesky.of(spd);
        assertEquals(n - 1, envelope.band(n - 1));
        double[][] b = random(random, n, 3);
        double[][] expected = fullSolve(spd, b);
        double[][] actual = envelope.solve(b);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected[i], actual[i], 0, "row " + i);
        }
    }

    @Test
    void anIndefinitePenaltyIsRefusedWithItsRow() {
        double[][] indefinite = {{1, 2}, {2, 1}};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EnvelopeCholesky.of(indefinite));
        assertEquals("the DRT's penalty is not positive definite at 1", e.getMessage());
    }

    /** L⁻¹B with L the whole lower triangle of the Cholesky factor, summed in the same order. */
    private static double[][] fullSolve(double[][] a, double[][] b) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = b[i].clone();
            for (int k = 0; k < i; k++) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] -= l[i][k] * out[k][j];
                }
            }
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] /= l[i][i];
            }
        }
        return out;
    }

    private static double[][] random(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = random.nextGaussian();
            }
        }
        return m;
    }
}
