package io.cellbench.protocols;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found while reading one file. A reader tries each independent part (a key, a
 * limit, a step) on its own and keeps going, so one run of {@code validate} shows every
 * mistake, as a compiler does, instead of one per attempt.
 */
public final class Problems {

    /** How many are kept; more are only counted (a file of 10,000 bad lines needs no 10,000 messages). */
    static final int KEPT = 200;

    private final List<ProtocolException> kept = new ArrayList<>();
    private int count;

    /** Keeps {@code e}'s problems; one already kept (the same protocol read for two cells) is not repeated. */
    public void add(ProtocolException e) {
        int more = e.count() - e.problems().size(); // counted by an earlier reader but not kept
        for (ProtocolException p : e.problems()) {
            if (kept.stream().anyMatch(k -> k.getMessage().equals(p.getMessage()))) {
                continue;
            }
            if (kept.size() < KEPT) {
                kept.add(p);
            }
            count++;
        }
        count += more;
    }

    /** {@code read}'s value, or {@code otherwise} when it fails (its problems are kept). */
    public <T> T attempt(Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (ProtocolException e) {
            add(e);
            return otherwise;
        }
    }

    /** Runs {@code check}; returns false when it fails (its problems are kept). */
    public boolean attempt(Runnable check) {
        try {
            check.run();
            return true;
        } catch (ProtocolException e) {
            add(e);
            return false;
        }
    }

    public int count() {
        return count;
    }

    public boolean any() {
        return count > 0;
    }

    /** Throws every problem found as one exception; returns when there is none. */
    public void throwIfAny() {
        if (count > 0) {
            throw ProtocolException.of(kept, count);
        }
    }
}
