package io.cellbench.schedules.runner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One impedance analyzer shared by several cells through its multiplexer: one sweep at a
 * time, in the order the cells asked (first come, first served). A cell that is held or
 * stopped while waiting leaves the queue; after a pause it joins again at the back. Keyed by
 * the analyzer's lab name, so it also orders cells whose simulated analyzers are separate
 * objects. Thread-safe.
 */
public final class AnalyzerQueue {
    private final String name;
    private final WaitLock lock = new WaitLock();
    /** Waiting cells, the head's turn first; guarded by {@code lock}. */
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    /** Every turn given, in order, for status pages and tests; guarded by {@code lock}. */
    private final List<String> turns = new ArrayList<>();

    public AnalyzerQueue(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Cells in the order they were given the analyzer (a cell that swept twice is there twice). */
    public List<String> turns() {
        return lock.read(() -> List.copyOf(turns));
    }

    /** A cell's place in the queue. */
    SharedWait place(String cellId) {
        return new Place(cellId);
    }

    private final class Place implements SharedWait {
        private final String cellId;
        private boolean queued; // only touched by the cell's own thread
        private boolean counted;

        Place(String cellId) {
            this.cellId = cellId;
        }

        @Override
        public void join() {
            lock.update(() -> {
                if (!queued) {
                    queue.addLast(cellId);
                    queued = true;
                    counted = false;
                }
            });
        }

        @Override
        public boolean ready() {
            return lock.read(() -> {
                boolean mine = queued && cellId.equals(queue.peekFirst());
                if (mine && !counted) {
                    turns.add(cellId);
                    counted = true;
                }
                return mine;
            });
        }

        @Override
        public String conflict() {
            return null;
        }

        @Override
        public void await(long nanos) throws InterruptedException {
            lock.awaitChange(() -> queued && cellId.equals(queue.peekFirst()), nanos);
        }

        @Override
        public void leave() {
            lock.update(() -> {
                if (queued) {
                    queue.removeFirstOccurrence(cellId);
                    queued = false;
                    lock.changed();
                }
            });
        }

        @Override
        public String subject() {
            return "the EIS analyzer " + name;
        }

        @Override
        public String describe() {
            return lock.read(() -> {
                int ahead = 0;
                for (String c : queue) {
                    if (c.equals(cellId)) {
                        break;
                    }
                    ahead++;
                }
                return subject() + " (" + ahead + (ahead == 1 ? " cell" : " cells") + " ahead)";
            });
        }
    }
}
