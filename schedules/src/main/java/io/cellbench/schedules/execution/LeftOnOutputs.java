package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import io.cellbench.schedules.runner.RunPosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAFETY: outputs an earlier process left in doubt. A cell that ended FAULT (or tripped) while
 * its instrument did not confirm the switch-off is switched off again and again by the process
 * that faulted ({@link SwitchOffRetries}); a kill before the confirmation would leave the output
 * sourcing for good, since a resume does not run a finished cell. Its journal says so
 * ({@link JournalEntry#outputInDoubt}): a resume opens that cell's channel and switches it off
 * before any cell starts, and when the instrument does not confirm (or cannot be opened: each
 * retry opens it again), the same retries as after a fault take over (an ALARM, back-off, the
 * process waits for them). A pool cell's output is on the pool channel it ran on, which the
 * scheduler's journal names. Until the instrument confirms, {@code status} lists the cell as
 * ended with its output in doubt ({@link #statuses}).
 */
final class LeftOnOutputs {
    static final LeftOnOutputs NONE = new LeftOnOutputs(Map.of());

    private final Map<ScheduledCell, JournalEntry> cells;
    /** The cells whose output the instrument has confirmed off (here, or through the retries). */
    private final Set<String> confirmedOff = ConcurrentHashMap.newKeySet();

    LeftOnOutputs(Map<ScheduledCell, JournalEntry> cells) {
        this.cells = new LinkedHashMap<>(cells);
    }

    void switchOff(Schedule schedule, InstrumentProvider instruments, CellJournaling journaling,
                   SwitchOffRetries retries, RunListener listener) {
        cells.forEach((cell, entry) ->
                switchOff(wired(cell, schedule, journaling), entry, instruments, journaling, retries, listener));
    }

    /**
     * Each cell as ended with its outcome, its output in doubt until the instrument confirms it
     * off (not tried yet, retried, or given up by the operator), in the order given.
     */
    Map<String, RunnerStatus> statuses(SwitchOffRetries retries) {
        Map<String, RunnerStatus> out = new LinkedHashMap<>();
        cells.forEach((cell, entry) -> {
            String id = cell.info().id();
            RunnerStatus ended = RunnerStatus.endedBeforeStart(entry.outcome(), 0);
            RunnerStatus.Health doubt = confirmedOff.contains(id) ? ended.health() : ended.health().unconfirmed(
                    entry.position() == null ? 0 : entry.position().testTimeSecond(), "switched off at resume");
            RunnerStatus.Health health = retries.health(id, doubt);
            out.put(id, health == ended.health() ? ended : ended.with(health));
        });
        return out;
    }

    /** A pool cell on the pool channel it ran on, as its scheduler journal names it; any other cell as it is. */
    private static ScheduledCell wired(ScheduledCell cell, Schedule schedule, CellJournaling journaling) {
        Wiring.Named pool = cell.wiring().pool();
        if (pool == null || cell.wiring().channel() != null || journaling == null) {
            return cell;
        }
        String channel = journaling.resumeChannel(cell);
        for (Wiring.Named ch : schedule.pools().getOrDefault(pool.name(), List.of())) {
            if (ch.name().equals(channel)) {
                return cell.onChannel(ch);
            }
        }
        return cell;
    }

    private void switchOff(ScheduledCell cell, JournalEntry entry, InstrumentProvider instruments,
                           CellJournaling journaling, SwitchOffRetries retries, RunListener listener) {
        String id = cell.info().id();
        RunPosition at = entry.position();
        double endedAt = at == null ? 0 : at.testTimeSecond();
        double runStartUnix = at == null ? Double.NaN : at.runStartUnixSecond();
        CellInstruments inst;
        try {
            inst = instruments.open(cell);
        } catch (RuntimeException e) {
            // The retries open it again at every attempt, as a link that comes back needs.
            OpenedOnDemand channel = new OpenedOnDemand(cell, instruments);
            CellInstruments later = new CellInstruments(new SystemLabClock(), channel, null, 0, null, null,
                    channel::close);
            Runnable confirmed = confirmed(id, journaling == null ? () -> { }
                    : () -> journaling.journal(cell, later).confirmedOffLater());
            retries.start(id, later, endedAt, Double.NaN, "at resume, its instruments could not be opened: "
                    + e.getMessage(), confirmed, () -> { });
            return;
        }
        Runnable confirmed = confirmed(id, journaling == null ? () -> { }
                : () -> journaling.journal(cell, inst).confirmedOffLater());
        String channel = inst.channel().name();
        try {
            inst.channel().switchOff();
        } catch (RuntimeException e) {
            retries.start(id, inst, endedAt, runStartUnix, "at resume: " + e.getMessage(), confirmed, () -> { });
            return;
        }
        double now = Double.isNaN(runStartUnix) ? endedAt
                : Math.max(endedAt, inst.clock().nowUnixSeconds() - runStartUnix);
        try {
            confirmed.run();
        } catch (RuntimeException e) {
            // the journal could not say so: the next resume switches the output off once more, harmlessly
        }
        notice(listener, id, now, Severity.INFO, channel + ": output confirmed off by the instrument at resume (the"
                + " cell ended " + entry.outcome() + " and the process that faulted had not had it confirmed)");
        inst.close();
    }

    /** What runs when the instrument confirms cell {@code id}'s output off: the status says so, then {@code journal}. */
    private Runnable confirmed(String id, Runnable journal) {
        return () -> {
            confirmedOff.add(id);
            journal.run();
        };
    }

    /** The cell's channel, opened when it is switched off (and only for that). */
    private static final class OpenedOnDemand implements CyclerChannel {
        private final ScheduledCell cell;
        private final InstrumentProvider instruments;
        private CellInstruments opened;

        OpenedOnDemand(ScheduledCell cell, InstrumentProvider instruments) {
            this.cell = cell;
            this.instruments = instruments;
        }

        @Override
        public synchronized void switchOff() {
            if (opened == null) {
                opened = instruments.open(cell);
            }
            opened.channel().switchOff();
        }

        @Override
        public String name() {
            return cell.wiring().channel() != null ? cell.wiring().channel().name()
                    : "the channel of cell " + cell.info().id();
        }

        @Override
        public String identify() {
            return name();
        }

        @Override
        public void apply(ChannelCommand command) {
            throw new UnsupportedOperationException("only switched off, never commanded: " + command);
        }

        @Override
        public ChannelReading read() {
            throw new UnsupportedOperationException("only switched off, never read");
        }

        @Override
        public double maxCurrentAmpere() {
            return 0;
        }

        @Override
        public synchronized void close() {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private static void notice(RunListener listener, String id, double testTime, Severity severity, String text) {
        try {
            listener.on(new RunEvent.Notice(id, testTime, severity, text));
        } catch (RuntimeException e) {
            // the record is failing; the switch-off matters more
        }
    }
}
