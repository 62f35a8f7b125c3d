package io.cellbench.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A jqwik property run by SeedsTest through the JUnit Platform (not by surefire: not a *Test). */
public class SeededSample {
    static final int TRIES = 5;
    static final List<Long> DRAWN = new CopyOnWriteArrayList<>();

    @Property(tries = TRIES, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void records(@ForAll long value) {
        DRAWN.add(value);
    }
}
