package io.cellbench.impedance.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches the arcs seen in a spectrum to the arc-like terms of a circuit. With as many arcs as
 * terms there is one way; with fewer, a missing arc may lie above the highest one seen (beyond
 * the top frequency), below the lowest, or hide inside the widest (two arcs merged), so each
 * of those is offered; with more, the widest are kept.
 */
final class ArcPlacement {

    private ArcPlacement() {
    }

    /** Lists of exactly {@code wanted} arcs, from high to low frequency. */
    static List<List<SpectrumFeatures.Arc>> placements(SpectrumFeatures features, int wanted, double decades) {
        List<SpectrumFeatures.Arc> seen = new ArrayList<>(features.arcs());
        if (wanted == 0) {
            return List.of(List.of());
        }
        if (seen.isEmpty()) {
            double span = features.lowFrequencyOhm() - features.highFrequencyOhm();
            double scale = Math.max(Math.abs(features.lowFrequencyOhm()), Math.abs(features.highFrequencyOhm()));
            double middleHz = Math.sqrt(features.highestFrequencyHz() * features.lowestOmega() / (2 * Math.PI));
            seen.add(new SpectrumFeatures.Arc(middleHz, Math.max(span, 0.1 * scale), 0.8));
        }
        if (seen.size() >= wanted) {
            return List.of(widest(seen, wanted));
        }
        List<List<SpectrumFeatures.Arc>> out = new ArrayList<>();
        out.add(grow(seen, wanted, Where.ABOVE, decades));
        out.add(grow(seen, wanted, Where.BELOW, decades));
        out.add(grow(seen, wanted, Where.SPLIT, decades));
        return out;
    }

    private enum Where { ABOVE, BELOW, SPLIT }

    private static List<SpectrumFeatures.Arc> grow(List<SpectrumFeatures.Arc> seen, int wanted, Where where,
                                                   double decades) {
        List<SpectrumFeatures.Arc> arcs = new ArrayList<>(seen);
        while (arcs.size() < wanted) {
            switch (where) {
                case ABOVE -> {
                    SpectrumFeatures.Arc top = arcs.getFirst();
                    arcs.addFirst(new SpectrumFeatures.Arc(top.apexHz() * Math.pow(10, 2 * decades),
                            0.3 * top.diameterOhm(), top.depression()));
                }
                case BELOW -> {
                    SpectrumFeatures.Arc bottom = arcs.getLast();
                    arcs.addLast(new SpectrumFeatures.Arc(bottom.apexHz() / Math.pow(10, 2 * decades),
                            0.5 * bottom.diameterOhm(), bottom.depression()));
                }
                case SPLIT -> {
                    int i = arcs.indexOf(arcs.stream().max(Comparator.comparingDouble(SpectrumFeatures.Arc::diameterOhm))
                            .orElseThrow());
                    SpectrumFeatures.Arc wide = arcs.remove(i);
                    double factor = Math.pow(10, decades);
                    arcs.add(i, new SpectrumFeatures.Arc(wide.apexHz() / factor, wide.diameterOhm() / 2, wide.depression()));
                    arcs.add(i, new SpectrumFeatures.Arc(wide.apexHz() * factor, wide.diameterOhm() / 2, wide.depression()));
                }
            }
        }
        return arcs;
    }

    private static List<SpectrumFeatures.Arc> widest(List<SpectrumFeatures.Arc> seen, int wanted) {
        List<SpectrumFeatures.Arc> keep = seen.stream()
                .sorted(Comparator.comparingDouble(SpectrumFeatures.Arc::diameterOhm).reversed())
                .limit(wanted).toList();
        return seen.stream().filter(keep::contains).toList();
    }
}
