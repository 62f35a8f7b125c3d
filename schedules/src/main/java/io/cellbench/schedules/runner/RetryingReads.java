package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.Backoff;
import io.cellbench.core.time.LabClock;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The fault policy of unattended runs: a failed read is tried again after a back-off, for at
 * most {@link FaultRetry#boundSecond()} of lab time per incident, and then given up.
 *
 * <p><b>Reconnects.</b> The policy does not reconnect by itself: a driver whose query timed
 * out or lost its link marks the link, and the next read reconnects first (see
 * {@code ScpiSession}). Each retry is therefore also a reconnect attempt, and an instrument
 * that has vanished fails each one at once ("connection refused").
 *
 * <p><b>Back-off.</b> Waits double from the first back-off up to the longest, each shortened
 * at random by up to half (jitter), so that the channels of one instrument or one network
 * switch that fail together do not reconnect in lockstep. The random sequence is seeded from
 * the cell id: a rerun retries at the same times.
 *
 * <p><b>The bound</b> counts from the start of the incident's first failed read, so the
 * time a read spends waiting out its timeout counts, and a retry that could not end (with the
 * switch-off after it) within the bound is not made: see {@link #retryRead(InstrumentException,
 * int, double, double)}.
 *
 * <p><b>Events.</b> An incident's first failure records a warning (what failed, for how long
 * it is retried); a recovery records how many reads failed and for how long; giving up throws
 * the last failure with that count, which the runner turns into the ALARM and the FAULT end
 * (after putting the channel at open circuit).
 *
 * <p>One policy per cell, used on the cell's runner thread only.
 */
public final class RetryingReads implements ReadRetryPolicy {
    private final FaultRetry retry;
    private final LabClock clock;
    private final RunListener listener;
    private final String cellId;
    private final Backoff backoff;
    private double incidentStart = Double.NaN;
    /** The longest a failed read of this incident took, s: what the next one may take too. */
    private double slowestRead;
    private String incidentInstrument = "";

    public RetryingReads(FaultRetry retry, LabClock clock, RunListener listener, String cellId) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.cellId = Objects.requireNonNull(cellId, "cellId");
        this.backoff = new Backoff(retry.firstBackoffSecond(), retry.maxBackoffSecond(),
                new SplittableRandom(cellId.hashCode()));
    }

    /** The policy a cell runs with: {@link ReadRetryPolicy#FAIL_FAST} when the bound is 0. */
    public static ReadRetryPolicy forCell(FaultRetry retry, LabClock clock, RunListener listener, String cellId) {
        return retry.failFast() ? FAIL_FAST : new RetryingReads(retry, clock, listener, cellId);
    }

    @Override
    public boolean retryRead(InstrumentException failure, int attempt) throws InterruptedException {
        return retryRead(failure, attempt, Double.NaN);
    }

    @Override
    public boolean retryRead(InstrumentException failure, int attempt, double testTimeSecond)
            throws InterruptedException {
        return retryRead(failure, attempt, testTimeSecond, 0);
    }

    /**
     * The incident starts when its first failed read began (a read that timed out spent its
     * timeout before it failed). A retry is made only when one more read as slow as the
     * slowest failed one so far, and the switch-off after it, still end within the bound:
     * otherwise the cell is given up now, so that its fault is recorded within the bound of
     * the moment the channel stopped answering.
     */
    @Override
    public boolean retryRead(InstrumentException failure, int attempt, double testTimeSecond, double failedReadSecond)
            throws InterruptedException {
        double now = clock.nowUnixSeconds();
        double took = failedReadSecond > 0 && Double.isFinite(failedReadSecond) ? failedReadSecond : 0;
        if (attempt == 1) {
            incidentStart = now - took;
            slowestRead = 0;
            incidentInstrument = failure.instrument();
            backoff.reset();
            listener.on(new RunEvent.Notice(cellId, testTimeSecond - took, RunEvent.Severity.WARNING,
                    failure.getMessage() + "; retrying (and reconnecting) for up to " + retry.describe()));
        }
        slowestRead = Math.max(slowestRead, took);
        double elapsed = now - incidentStart;
        double room = retry.boundSecond() - elapsed - 2 * slowestRead;
        if (room <= 0) {
            throw new InstrumentException(failure.instrument(), failure.command(), detail(failure)
                    + String.format(Locale.ROOT, "; gave up after %d failed %s in %.0f s", attempt,
                    attempt == 1 ? "read" : "reads", elapsed), failure);
        }
        clock.sleepUntil(now + Math.min(backoff.nextSecond(), room));
        return true;
    }

    @Override
    public void recovered(int failedAttempts, double testTimeSecond) {
        double elapsed = clock.nowUnixSeconds() - incidentStart;
        listener.on(new RunEvent.Notice(cellId, testTimeSecond, RunEvent.Severity.INFO, String.format(Locale.ROOT,
                "%s: recovered after %d failed %s in %.1f s", incidentInstrument, failedAttempts,
                failedAttempts == 1 ? "read" : "reads", elapsed)));
        incidentStart = Double.NaN;
    }

    /** The message of {@code e} without the "instrument: 'command': " prefix its constructor adds. */
    private static String detail(InstrumentException e) {
        String prefix = e.instrument() + ": " + (e.command() == null ? "" : "'" + e.command() + "': ");
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
