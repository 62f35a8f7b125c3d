package io.cellbench.importers.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares columns of an import with a reference reader's, within a stated tolerance, and keeps
 * the largest deviation of each for the report (printed, so the figures are in every test log).
 */
public final class Deviation {

    private final String file;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public Deviation(String file) {
        this.file = file;
    }

    /** |ours − theirs| ≤ tolerance at every row; NaN equals NaN. */
    public Deviation compare(String column, double[] ours, double[] theirs, double tolerance) {
        return compare(column, ours, theirs, tolerance, 0);
    }

    /** As {@link #compare(String, double[], double[], double)}, or within {@code relative} of |theirs|. */
    public Deviation compare(String column, double[] ours, double[] theirs, double tolerance, double relative) {
        if (ours.length != theirs.length) {
            failures.add(column + ": " + ours.length + " rows, reference " + theirs.length);
            return this;
        }
        double max = 0;
        int worst = -1;
        int bad = 0;
        for (int i = 0; i < ours.length; i++) {
            if (Double.isNaN(ours[i]) && Double.isNaN(theirs[i])) {
                continue;
            }
            double d = Math.abs(ours[i] - theirs[i]);
            if (Double.isNaN(d)) {
                d = Double.POSITIVE_INFINITY;
            }
            if (d > max) {
                max = d;
                worst = i;
            }
            if (d > tolerance && d > relative * Math.abs(theirs[i])) {
                bad++;
            }
        }
        String line = String.format(Locale.ROOT, "%-28s max |Δ| %.3g (tolerance %.3g%s)%s", column, max, tolerance,
                relative > 0 ? " or " + relative + " relative" : "",
                worst >= 0 ? String.format(Locale.ROOT, " at row %d: %s vs %s", worst, ours[worst], theirs[worst]) : "");
        lines.add(line);
        if (bad > 0) {
            failures.add(column + ": " + bad + " rows out of tolerance; " + line);
        }
        return this;
    }

    /**
     * Clocks whose zero differs (a vendor's local time without zone against ours): compares each
     * value's distance from the first row's.
     */
    public Deviation compareFromFirst(String column, double[] ours, double[] theirs, double tolerance) {
        return compareFromFirst(column, ours, theirs, tolerance, 0);
    }

    /** As {@link #compareFromFirst(String, double[], double[], double)}, or within {@code relative}. */
    public Deviation compareFromFirst(String column, double[] ours, double[] theirs, double tolerance, double relative) {
        if (ours.length == 0 || theirs.length == 0) {
            return compare(column, ours, theirs, tolerance, relative);
        }
        double o0 = ours[0];
        double t0 = theirs[0];
        return compare(column + " - first", java.util.Arrays.stream(ours).map(v -> v - o0).toArray(),
                java.util.Arrays.stream(theirs).map(v -> v - t0).toArray(), tolerance, relative);
    }

    /** Exactly equal (counters, step types). */
    public <T> Deviation equal(String column, List<T> ours, List<T> theirs) {
        if (ours.size() != theirs.size()) {
            failures.add(column + ": " + ours.size() + " rows, reference " + theirs.size());
            return this;
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < ours.size(); i++) {
            if (!java.util.Objects.equals(ours.get(i), theirs.get(i))) {
                if (first < 0) {
                    first = i;
                }
                bad++;
            }
        }
        lines.add(String.format(Locale.ROOT, "%-28s %s", column, bad == 0 ? "equal" : bad + " rows differ"));
        if (bad > 0) {
            failures.add(column + ": " + bad + " rows differ, first at row " + first + ": " + ours.get(first)
                    + " vs " + theirs.get(first));
        }
        return this;
    }

    /** Records a failure that is not a column comparison (a column missing on one side). */
    public Deviation fail(String message) {
        failures.add(message);
        return this;
    }

    /** Prints the figures and fails with every column out of tolerance. */
    public void check() {
        System.out.println("== " + file);
        lines.forEach(l -> System.out.println("   " + l));
        if (!failures.isEmpty()) {
            throw new AssertionError(file + " differs from the reference:\n  " + String.join("\n  ", failures));
        }
    }
}
