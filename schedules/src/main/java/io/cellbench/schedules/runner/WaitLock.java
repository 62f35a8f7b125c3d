package io.cellbench.schedules.runner;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The lock of a wait shared by several cells (an analyzer's queue, a chamber's barrier) and its one
 * condition, "something changed": each cell's thread reads and updates the shared state under it,
 * and waits on it for its turn.
 */
final class WaitLock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    <T> T read(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    void update(Runnable update) {
        lock.lock();
        try {
            update.run();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code nanos} for a change, unless {@code done} holds already; read under the lock. */
    void awaitChange(BooleanSupplier done, long nanos) throws InterruptedException {
        lock.lock();
        try {
            if (!done.getAsBoolean()) {
                changed.await(nanos, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting cell; called under the lock, from {@link #update}. */
    void changed() {
        changed.signalAll();
    }
}
