package io.cellbench.plot;

import java.util.Arrays;

/**
 * Collects a curve of unknown length in bounded memory. Every {@code stride}-th point offered
 * is kept; when {@code capacity} points are held, every other one is dropped and the stride
 * doubles, so the kept points stay evenly spread over the whole curve whatever its length.
 * The first and the last point offered are always kept (the ends of a charge or discharge
 * are what people read off a voltage curve).
 */
final class CurveBuffer {
    private final int capacity;
    private double[] x;
    private double[] y;
    private int size;
    private long offered;
    private long stride = 1;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private boolean lastKept;

    CurveBuffer(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4, got " + capacity);
        }
        this.capacity = capacity;
        this.x = new double[Math.min(capacity, 256)];
        this.y = new double[x.length];
    }

    void add(double px, double py) {
        lastX = px;
        lastY = py;
        lastKept = offered % stride == 0;
        offered++;
        if (!lastKept) {
            return;
        }
        if (size == capacity) {
            halve();
            lastKept = (offered - 1) % stride == 0;
            if (!lastKept) {
                return;
            }
        }
        if (size == x.length) {
            x = Arrays.copyOf(x, Math.min(capacity, x.length * 2));
            y = Arrays.copyOf(y, x.length);
        }
        x[size] = px;
        y[size] = py;
        size++;
    }

    /** The kept points, the last one offered included. */
    Curve curve() {
        boolean appendLast = offered > 0 && !lastKept;
        int n = size + (appendLast ? 1 : 0);
        double[] cx = Arrays.copyOf(x, n);
        double[] cy = Arrays.copyOf(y, n);
        if (appendLast) {
            cx[n - 1] = lastX;
            cy[n - 1] = lastY;
        }
        return new Curve(cx, cy);
    }

    private void halve() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            x[kept] = x[i];
            y[kept] = y[i];
            kept++;
        }
        size = kept;
        stride *= 2;
    }
}
