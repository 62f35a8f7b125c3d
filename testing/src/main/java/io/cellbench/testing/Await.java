package io.cellbench.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping a fixed time and hoping it holds: a test acts once
 * the thing it waits for has happened, however slowly a loaded machine gets there. The deadline
 * is a hang guard, not a speed goal: {@link #HANG_GUARD} is far beyond what any wait in the suite
 * needs on a 2-core machine shared by several builds.
 *
 * <pre>{@code
 * Await.until("the sweep is running", sim::running);
 * Await.until(() -> "c2 waits for the analyzer, log: " + log(), () -> b.getState() == TIMED_WAITING);
 * }</pre>
 *
 * The condition is polled, first every few milliseconds, then less often (at most every
 * 100 ms), so cheap and expensive checks (a file read, an HTTP call) both suit it. An exception
 * or assertion failure thrown by the condition ends the wait at once (a process that died while
 * waited for can say so).
 */
public final class Await {

    /** How long a wait may take before it counts as a hang. */
    public static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static final long FIRST_POLL_NANOS = 2_000_000L;
    private static final long LAST_POLL_NANOS = 100_000_000L;

    /** A condition that may throw (reading a file, asking a server). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} after {@link #HANG_GUARD}. */
    public static void until(String what, Condition condition) throws InterruptedException {
        until(HANG_GUARD, () -> what, condition);
    }

    /** As {@link #until(String, Condition)}, with a description made only when the wait fails. */
    public static void until(Supplier<String> what, Condition condition) throws InterruptedException {
        until(HANG_GUARD, what, condition);
    }

    /** Waits until {@code condition} holds; fails naming {@code what} after {@code guard}. */
    public static void until(Duration guard, Supplier<String> what, Condition condition) throws InterruptedException {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + guard.toNanos();
        long pause = FIRST_POLL_NANOS;
        while (!check(condition, what)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + seconds(guard) + ": " + what.get());
            }
            Thread.sleep(Duration.ofNanos(Math.min(pause, left)));
            pause = Math.min(LAST_POLL_NANOS, pause * 2);
        }
    }

    private static boolean check(Condition condition, Supplier<String> what) {
        try {
            return condition.holds();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for: " + what.get(), e);
        } catch (Exception e) {
            throw new AssertionError("while waiting for: " + what.get() + ": " + e, e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
