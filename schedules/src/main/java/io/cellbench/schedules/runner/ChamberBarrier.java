package io.cellbench.schedules.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule for a chamber shared by several cells (docs/runner.md#shared-chambers): a cell's
 * temperature step sets the chamber only when every running cell in the chamber has reached
 * a temperature step with the same set point. Cells that arrive early rest at open circuit
 * and wait. A cell that ends (completed, tripped, faulted, stopped) leaves the chamber and
 * no longer holds the others back. When every running cell waits but they ask for different
 * set points, the earliest arrival's set point wins and the others cannot go on (their runs
 * end as a fault: their protocols do not fit together in one chamber). Thread-safe.
 */
public final class ChamberBarrier {
    private final String name;
    private final WaitLock lock = new WaitLock();
    /** Running cells in the chamber; guarded by {@code lock}. */
    private final Set<String> members = new LinkedHashSet<>();
    /** Cells waiting at a temperature step, earliest first; guarded by {@code lock}. */
    private final Map<String, Arrival> waiting = new LinkedHashMap<>();
    /** Set points of the rounds opened so far, for status pages and tests; guarded by {@code lock}. */
    private final List<Double> rounds = new ArrayList<>();

    public ChamberBarrier(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** A cell starts running in the chamber. */
    public void enter(String cellId) {
        lock.update(() -> members.add(cellId));
    }

    /** A cell's run ended: it no longer holds the others back. */
    public void leave(String cellId) {
        lock.update(() -> {
            members.remove(cellId);
            waiting.remove(cellId);
            check();
        });
    }

    /** The set points the chamber was released to, in order. */
    public List<Double> rounds() {
        return lock.read(() -> List.copyOf(rounds));
    }

    /** A cell's wait at a temperature step for {@code celsius}. */
    SharedWait arrival(String cellId, double celsius) {
        return new Arrival(cellId, celsius);
    }

    /** Opens the round when every member waits; guarded by {@code lock}. */
    private void check() {
        if (waiting.isEmpty() || !waiting.keySet().containsAll(members)) {
            return;
        }
        double setpoint = waiting.values().iterator().next().celsius;
        String askedFirst = waiting.keySet().iterator().next();
        for (Arrival a : waiting.values()) {
            if (a.celsius == setpoint) {
                a.open = true;
            } else {
                a.conflict = "chamber " + name + ": this cell asks for " + Texts.number(a.celsius) + " °C while cell "
                        + askedFirst + " asks for " + Texts.number(setpoint) + " °C, and every running cell in the"
                        + " chamber is waiting; cells in one chamber must set the same temperatures in the same order";
            }
        }
        waiting.clear();
        rounds.add(setpoint);
        lock.changed();
    }

    private final class Arrival implements SharedWait {
        private final String cellId;
        private final double celsius;
        private boolean open;      // guarded by lock
        private String conflict;   // guarded by lock

        Arrival(String cellId, double celsius) {
            this.cellId = cellId;
            this.celsius = celsius;
        }

        @Override
        public void join() {
            lock.update(() -> {
                if (!open && conflict == null && !waiting.containsKey(cellId)) {
                    members.add(cellId);
                    waiting.put(cellId, this);
                    check();
                }
            });
        }

        @Override
        public boolean ready() {
            return lock.read(() -> open);
        }

        @Override
        public String conflict() {
            return lock.read(() -> conflict);
        }

        @Override
        public void await(long nanos) throws InterruptedException {
            lock.awaitChange(() -> open || conflict != null, nanos);
        }

        @Override
        public void leave() {
            lock.update(() -> {
                if (waiting.get(cellId) == this) {
                    waiting.remove(cellId);
                }
            });
        }

        @Override
        public String subject() {
            return "the other cells in chamber " + name + " to reach a step to " + Texts.number(celsius) + " °C";
        }

        @Override
        public String describe() {
            return lock.read(() -> {
                List<String> notYet = new ArrayList<>();
                for (String m : members) {
                    if (!waiting.containsKey(m)) {
                        notYet.add(m);
                    }
                }
                return subject() + (notYet.isEmpty() ? "" : " (not yet: " + String.join(", ", notYet) + ")");
            });
        }
    }
}
