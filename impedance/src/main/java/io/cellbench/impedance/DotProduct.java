package io.cellbench.impedance;

/**
 * Σ a_i·b_i over a range, in four running sums. A single running sum makes every addition wait
 * for the one before it (the adder's latency, several cycles); four independent sums keep the
 * adder busy: Lin-KK's QR, whose dot products were most of its time, took a third less. The
 * order of summation differs from one running sum's, so results may differ from it in the last
 * bits. (The DRT's factorisations, tried with it too, did not get measurably faster: their time
 * is spread over many short loops.)
 */
public final class DotProduct {

    private DotProduct() {
    }

    /** Σ a[i]·b[i] for i from {@code from} (inclusive) to {@code to} (exclusive). */
    public static double of(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
