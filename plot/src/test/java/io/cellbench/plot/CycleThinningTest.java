package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CycleThinningTest {

    private static SortedSet<Integer> cycles(int from, int to) {
        return new TreeSet<>(IntStream.rangeClosed(from, to).boxed().toList());
    }

    @Test
    void aLongRunIsThinnedToAtMostTheLimitEndingWithItsLastCycle() {
        PlotInput.Thinned t = PlotInput.thin(cycles(1, 1000), 0, 60);
        assertEquals(17, t.step());
        assertTrue(t.cycles().size() <= 60, t.cycles().size() + " curves");
        assertEquals(1, t.cycles().first());
        assertEquals(1000, t.cycles().last());
        assertTrue(t.cycles().contains(18) && t.cycles().contains(35));
    }

    @net.jqwik.api.Property
    void neverMoreThanTheLimit(@net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5000) int n,
                               @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 100) int max) {
        PlotInput.Thinned t = PlotInput.thin(cycles(1, n), 0, max);
        assertTrue(t.cycles().size() <= max, t.cycles().size() + " curves of " + n + " with limit " + max);
        assertEquals(n, t.cycles().last());
        assertEquals(n <= max, t.step() == 1, "thinned only when needed");
    }

    @Test
    void aShortRunIsDrawnWhole() {
        PlotInput.Thinned t = PlotInput.thin(cycles(2, 21), 0, 60);
        assertEquals(1, t.step());
        assertEquals(cycles(2, 21), t.cycles());
    }

    @Test
    void everyCountsFromTheFirstChosenCycleAndKeepsTheLast() {
        PlotInput.Thinned t = PlotInput.thin(cycles(3, 12), 4, 60);
        assertEquals(List.of(3, 7, 11, 12), List.copyOf(t.cycles()));
    }
}
