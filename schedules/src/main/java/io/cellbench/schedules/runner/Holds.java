package io.cellbench.schedules.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is holding a run, and why. Several sources may hold at once (the operator, a pressure
 * interlock, a chamber interlock); the run stays paused while any hold is active. Written
 * from any thread, read by the runner on every sample through a volatile flag, so checking
 * for a hold costs the sampling loop one volatile read.
 */
final class Holds {
    /** Source → reason, in the order the holds began; guarded by {@code this}. */
    private final Map<String, String> active = new LinkedHashMap<>();
    private volatile boolean held;
    private volatile List<String> described = List.of();

    /** Adds or updates the hold of {@code source}; true when that source was not holding yet. */
    synchronized boolean hold(String source, String reason) {
        boolean fresh = active.put(source, reason == null ? "" : reason) == null;
        changed();
        return fresh;
    }

    /** Ends the hold of {@code source}; true when it was holding. */
    synchronized boolean release(String source) {
        boolean was = active.remove(source) != null;
        changed();
        return was;
    }

    boolean held() {
        return held;
    }

    /** "source: reason" for every active hold, oldest first; empty when none. */
    List<String> described() {
        return described;
    }

    /** Every active hold in one line, for events: "operator: crimp check; pressure: 4.1 MPa …". */
    String text() {
        return String.join("; ", described);
    }

    private void changed() {
        List<String> out = new ArrayList<>(active.size());
        active.forEach((source, reason) -> out.add(reason.isEmpty() ? source : source + ": " + reason));
        described = List.copyOf(out);
        held = !active.isEmpty();
    }
}
