package io.cellbench.plot;

/** Points of one drawn line. */
record Curve(double[] x, double[] y) {

    Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
    }

    int size() {
        return x.length;
    }

    boolean isEmpty() {
        return x.length == 0;
    }

    /** This curve, a gap, then {@code other}: one series that draws as two lines. */
    Curve joinedWithGap(Curve other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        double[] jx = new double[x.length + 1 + other.x.length];
        double[] jy = new double[jx.length];
        System.arraycopy(x, 0, jx, 0, x.length);
        System.arraycopy(y, 0, jy, 0, y.length);
        jx[x.length] = Double.NaN;
        jy[y.length] = Double.NaN;
        System.arraycopy(other.x, 0, jx, x.length + 1, other.x.length);
        System.arraycopy(other.y, 0, jy, y.length + 1, other.y.length);
        return new Curve(jx, jy);
    }
}
