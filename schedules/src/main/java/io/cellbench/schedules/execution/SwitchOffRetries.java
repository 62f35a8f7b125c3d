package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.time.Backoff;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.runner.RunnerStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SAFETY: channels whose cell ended while the instrument had not confirmed its output off (a
 * fault that took the link with it, mid-charge). Each is switched off again, with back-off,
 * for as long as the process runs ({@link #close}), until the instrument confirms it; only
 * then are its instruments closed and its channel given back (to a pool's next cell). An
 * ALARM says so when it starts, and an INFO notice when the output is confirmed off.
 *
 * <p>The back-off is in wall-clock time (a link comes back in real time, whatever the lab
 * clock does): the fault retry's first back-off doubling to its longest, each shortened at
 * random by up to half, so the channels of one instrument do not retry in lockstep.
 */
final class SwitchOffRetries implements AutoCloseable {
    private final RunListener listener;
    private final Map<String, Retry> active = new ConcurrentHashMap<>();
    private volatile FaultRetry backoff = FaultRetry.DEFAULT;

    SwitchOffRetries(RunListener listener) {
        this.listener = listener;
    }

    void backoff(FaultRetry retry) {
        this.backoff = retry.failFast() ? FaultRetry.DEFAULT : retry;
    }

    /**
     * Takes over the instruments of cell {@code cellId}, whose run ended with its output not
     * confirmed off, and retries the switch-off until it is confirmed; {@code confirmed} runs
     * once the instrument confirms (the journal records it, so a resume does not switch the
     * channel off again); {@code release} runs
     * once the instruments are closed (confirmed or given up).
     *
     * @param endedAt test time of the end, s
     * @param why     why the runner's own switch-off failed
     */
    void start(String cellId, CellInstruments instruments, double endedAt, double runStartUnix, String why,
               Runnable confirmed, Runnable release) {
        Retry retry = new Retry(cellId, instruments, endedAt, runStartUnix, why, confirmed, release);
        active.put(cellId, retry);
        String channel = instruments.channel().name();
        notice(cellId, endedAt, Severity.ALARM, channel + ": output not confirmed off after the cell ended (" + why
                + "); it may still be sourcing. cellbench keeps switching it off, with back-off, until the instrument"
                + " confirms; if it does not, switch it off at the instrument");
        Thread.ofVirtual().name("switch-off-" + cellId).start(retry::run);
    }

    /** The cell's health with the switch-off in doubt, if it is. */
    RunnerStatus.Health health(String cellId, RunnerStatus.Health base) {
        Retry r = active.get(cellId);
        return r == null ? base : base.unconfirmed(r.endedAt, r.lastFailure);
    }

    /** The cells whose output is not confirmed off yet. */
    List<String> unconfirmed() {
        return List.copyOf(active.keySet());
    }

    /** Waits until every output is confirmed off, or {@code millis} pass; true when none is left. */
    boolean await(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Retry r : active.values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !r.done.await(left, TimeUnit.NANOSECONDS)) {
                return active.isEmpty();
            }
        }
        return active.isEmpty();
    }

    /** Gives up on cell {@code cellId}'s output (the operator stopped it): an ALARM says to switch it off by hand. */
    boolean giveUp(String cellId) {
        Retry r = active.get(cellId);
        if (r == null) {
            return false;
        }
        r.giveUp();
        return true;
    }

    /** Gives up on every output still in doubt and waits for the retries to end. */
    @Override
    public void close() {
        for (Retry r : active.values()) {
            r.giveUp();
        }
        for (Retry r : active.values()) {
            try {
                r.done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void notice(String cellId, double testTime, Severity severity, String text) {
        try {
            listener.on(new RunEvent.Notice(cellId, testTime, severity, text));
        } catch (RuntimeException e) {
            // the record is closing; the status still shows the channel
        }
    }

    private final class Retry {
        final String cellId;
        final CellInstruments instruments;
        final double endedAt;
        final double runStartUnix;
        final Runnable confirmedOff;
        final Runnable release;
        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch givenUp = new CountDownLatch(1);
        final Backoff waits;
        volatile String lastFailure;

        Retry(String cellId, CellInstruments instruments, double endedAt, double runStartUnix, String why,
              Runnable confirmedOff, Runnable release) {
            this.confirmedOff = confirmedOff;
            this.cellId = cellId;
            this.instruments = instruments;
            this.endedAt = endedAt;
            this.runStartUnix = runStartUnix;
            this.release = release;
            this.lastFailure = why;
            this.waits = new Backoff(backoff.firstBackoffSecond(), backoff.maxBackoffSecond(),
                    new SplittableRandom(cellId.hashCode()));
        }

        void run() {
            long started = System.nanoTime();
            int attempts = 1; // the runner's own
            boolean confirmed = false;
            try {
                while (!givenUp.await(Math.round(waits.nextSecond() * 1e3), TimeUnit.MILLISECONDS)) {
                    attempts++;
                    try {
                        instruments.channel().switchOff();
                        confirmed = true;
                        break;
                    } catch (RuntimeException e) {
                        lastFailure = e.getMessage();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String channel = instruments.channel().name();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (confirmed) {
                try {
                    confirmedOff.run();
                } catch (RuntimeException e) {
                    // the journal could not say so: a resume switches the output off once more, harmlessly
                }
                notice(cellId, testTime(), Severity.INFO, String.format(Locale.ROOT,
                        "%s: output confirmed off by the instrument after %d attempts in %.1f s", channel, attempts,
                        seconds));
            } else {
                notice(cellId, testTime(), Severity.ALARM, String.format(Locale.ROOT,
                        "%s: gave up switching the output off after %d attempts in %.1f s (%s); it may still be"
                                + " sourcing: switch it off at the instrument", channel, attempts, seconds, lastFailure));
            }
            try {
                instruments.close();
            } finally {
                active.remove(cellId, this);
                release.run();
                done.countDown();
            }
        }

        void giveUp() {
            givenUp.countDown();
        }

        private double testTime() {
            return Double.isNaN(runStartUnix) ? endedAt : Math.max(endedAt,
                    instruments.clock().nowUnixSeconds() - runStartUnix);
        }
    }
}
