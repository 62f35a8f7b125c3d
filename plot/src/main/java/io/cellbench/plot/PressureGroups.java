package io.cellbench.plot;

import io.cellbench.core.data.Spectrum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Pressures as set points rather than readings: a load cell reads 59.9, 60.0 and 60.1 MPa
 * for one 60 MPa set point, and those must share a colour. Readings are sorted and a new
 * group starts where one is more than 3 % (and 0.05 MPa) above the group's first; each group
 * is named by its mean.
 */
final class PressureGroups {
    private static final double RELATIVE = 0.03;
    private static final double ABSOLUTE_MPA = 0.05;

    private record Group(double firstMpa, double lastMpa, double meanMpa) {
    }

    private final List<Group> groups;

    private PressureGroups(List<Group> groups) {
        this.groups = groups;
    }

    static PressureGroups of(Collection<List<Spectrum>> spectra) {
        double[] mpa = spectra.stream().flatMap(List::stream).mapToDouble(s -> s.appliedPressurePa() / 1e6)
                .filter(Double::isFinite).sorted().toArray();
        List<Group> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= mpa.length; i++) {
            if (i == mpa.length || mpa[i] > mpa[start] * (1 + RELATIVE) + ABSOLUTE_MPA) {
                double sum = 0;
                for (int k = start; k < i; k++) {
                    sum += mpa[k];
                }
                groups.add(new Group(mpa[start], mpa[i - 1], sum / (i - start)));
                start = i;
            }
        }
        return new PressureGroups(groups);
    }

    /** The colour level of a reading: its group's mean, "60 MPa". */
    ColourScale.Level level(double pascal) {
        double mpa = pascal / 1e6;
        if (!Double.isFinite(mpa)) {
            return new ColourScale.Level("not recorded", 0);
        }
        for (Group g : groups) {
            if (mpa >= g.firstMpa() && mpa <= g.lastMpa()) {
                return new ColourScale.Level(format(g.meanMpa()) + " MPa", g.meanMpa());
            }
        }
        return new ColourScale.Level(format(mpa) + " MPa", mpa);
    }

    /** Three significant digits, no trailing zeros: 60, 15, 1.5, 0.25, 125. */
    static String format(double mpa) {
        String s = new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", mpa)).stripTrailingZeros().toPlainString();
        return s;
    }
}
