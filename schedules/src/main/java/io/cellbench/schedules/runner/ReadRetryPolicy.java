package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.InstrumentException;

/**
 * What the runner does when an instrument read fails. This is the hook for the
 * retry/reconnect policy: the runner asks it after every failed read of the channel, the
 * fixture or the chamber (reads are safe to repeat), and ends the run with
 * {@link io.cellbench.core.data.RunEvent.Outcome#FAULT FAULT} when it says no. A failed
 * command (apply, set-point, impedance sweep) is not retried here: whether repeating it is
 * safe depends on the instrument. The one exception is a set-point the instrument refused as
 * busy, which its driver marks safe to send again
 * ({@link io.cellbench.core.instrument.InstrumentException#retryLater()}): it goes through
 * this policy like a failed read. A policy may sleep before answering (back-off) or reconnect
 * the transport.
 */
@FunctionalInterface
public interface ReadRetryPolicy {

    /**
     * @param failure the failure
     * @param attempt how many times this read has failed in a row (1 for the first)
     * @return true to read again at once, false to give up and end the run as a fault
     */
    boolean retryRead(InstrumentException failure, int attempt) throws InterruptedException;

    /**
     * As {@link #retryRead(InstrumentException, int)}, told the run's test time now so that
     * a policy can date the events it records. The runner calls this one.
     */
    default boolean retryRead(InstrumentException failure, int attempt, double testTimeSecond)
            throws InterruptedException {
        return retryRead(failure, attempt);
    }

    /**
     * As {@link #retryRead(InstrumentException, int, double)}, told also how long the failed
     * read took: a read that waits out its timeout spends that time before anyone hears of the
     * failure, and a policy with a time bound must count it. The runner calls this one.
     *
     * @param failedReadSecond lab time between the start of the read and its failure, s
     */
    default boolean retryRead(InstrumentException failure, int attempt, double testTimeSecond,
                              double failedReadSecond) throws InterruptedException {
        return retryRead(failure, attempt, testTimeSecond);
    }

    /**
     * The read succeeded after {@code failedAttempts} failures in a row (the incident is
     * over). The runner calls this only after a failure, never on the normal path.
     */
    default void recovered(int failedAttempts, double testTimeSecond) {
    }

    /** Gives up at the first failure: the default until a retry policy is configured. */
    ReadRetryPolicy FAIL_FAST = (failure, attempt) -> false;

    /** Retries a failed read up to {@code times} times in a row, at once. */
    static ReadRetryPolicy retryReads(int times) {
        return (failure, attempt) -> attempt <= times;
    }
}
