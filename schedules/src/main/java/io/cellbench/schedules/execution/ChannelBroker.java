package io.cellbench.schedules.execution;

import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out cycler channels: a cell with a fixed channel waits until that channel is free,
 * a cell with a pool takes the first free channel of its pool (in the pool's order). Cells
 * are served in the order they asked (first come, first served); a cell that cannot be
 * served yet does not hold up a later one that can (a free channel it cannot use goes to the
 * next cell that can). When a cell ends its channel returns. Thread-safe.
 */
final class ChannelBroker {
    private final Map<String, List<Wiring.Named>> pools;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Channel name → the cell using it; guarded by {@code lock}. */
    private final Map<String, String> inUse = new HashMap<>();
    /** Waiting requests, oldest first; guarded by {@code lock}. */
    private final List<Request> queue = new ArrayList<>();
    /** Called under the lock when a channel is handed out, so the hand-out and what goes with it are one step. */
    private final java.util.function.BiConsumer<ScheduledCell, Wiring.Named> onGrant;

    ChannelBroker(Map<String, List<Wiring.Named>> pools, java.util.function.BiConsumer<ScheduledCell, Wiring.Named> onGrant) {
        this.pools = pools;
        this.onGrant = onGrant;
    }

    /** Asks for a channel for {@code cell}; served at once when one is free, else queued behind earlier requests. */
    Request request(ScheduledCell cell) {
        return request(cell, null);
    }

    /**
     * Asks for exactly {@code channel} of the cell's pool (a resumed cell goes back to the
     * channel it is wired to), or, {@code null}, for what its wiring names.
     */
    Request request(ScheduledCell cell, Wiring.Named channel) {
        lock.lock();
        try {
            Request r = new Request(cell, channel);
            queue.add(r);
            serve();
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** The channel's cell ended: the channel is free for the next cell that can use it. */
    void release(Wiring.Named channel) {
        if (channel == null) {
            return;
        }
        lock.lock();
        try {
            inUse.remove(channel.name());
            serve();
        } finally {
            lock.unlock();
        }
    }

    /** Gives free channels to waiting requests, oldest first; guarded by {@code lock}. */
    private void serve() {
        boolean any = false;
        for (var it = queue.iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.cancelled) {
                it.remove();
                continue;
            }
            for (Wiring.Named ch : r.candidates) {
                if (!inUse.containsKey(ch.name())) {
                    inUse.put(ch.name(), r.cell.info().id());
                    r.granted = ch;
                    onGrant.accept(r.cell, ch);
                    it.remove();
                    any = true;
                    break;
                }
            }
        }
        if (any) {
            changed.signalAll();
        }
    }

    /** One cell's request. */
    final class Request {
        private final ScheduledCell cell;
        private final List<Wiring.Named> candidates;
        private Wiring.Named granted;   // guarded by lock
        private boolean cancelled;      // guarded by lock

        private final boolean pinned;

        private Request(ScheduledCell cell, Wiring.Named channel) {
            this.cell = cell;
            Wiring w = cell.wiring();
            this.pinned = channel != null;
            this.candidates = channel != null ? List.of(channel)
                    : w.channel() != null ? List.of(w.channel()) : pools.get(w.pool().name());
        }

        /** The channel, once granted; {@code null} before. */
        Wiring.Named granted() {
            lock.lock();
            try {
                return granted;
            } finally {
                lock.unlock();
            }
        }

        /** Waits up to {@code nanos} (real time) for the channel; returns it, or {@code null} if not yet. */
        Wiring.Named await(long nanos) throws InterruptedException {
            lock.lock();
            try {
                if (granted == null && !cancelled) {
                    changed.await(nanos, TimeUnit.NANOSECONDS);
                }
                return granted;
            } finally {
                lock.unlock();
            }
        }

        /** Gives up the request (a stop); a channel already granted is given back. */
        void cancel() {
            lock.lock();
            try {
                cancelled = true;
                queue.remove(this);
                if (granted != null) {
                    inUse.remove(granted.name());
                    granted = null;
                }
                serve();
            } finally {
                lock.unlock();
            }
        }

        /** What the cell waits for: "a free channel of pool bank-a (2 cells ahead; in use: c01, c02)". */
        String describe() {
            lock.lock();
            try {
                int ahead = 0;
                for (Request r : queue) {
                    if (r == this) {
                        break;
                    }
                    if (!java.util.Collections.disjoint(names(r.candidates), names(candidates))) {
                        ahead++;
                    }
                }
                Set<String> users = new LinkedHashSet<>();
                for (Wiring.Named ch : candidates) {
                    String user = inUse.get(ch.name());
                    if (user != null) {
                        users.add(user);
                    }
                }
                Wiring w = cell.wiring();
                String what = pinned ? "channel " + candidates.getFirst().name()
                        + (w.pool() == null ? "" : " of pool " + w.pool().name()) + ", where the cell is wired"
                        : w.channel() != null ? "channel " + w.channel().name()
                        : "a free channel of pool " + w.pool().name();
                return what + " (" + ahead + (ahead == 1 ? " cell" : " cells") + " ahead"
                        + (users.isEmpty() ? "" : "; in use by " + String.join(", ", users)) + ")";
            } finally {
                lock.unlock();
            }
        }

        private static Set<String> names(List<Wiring.Named> channels) {
            Set<String> out = new LinkedHashSet<>();
            channels.forEach(c -> out.add(c.name()));
            return out;
        }
    }
}
