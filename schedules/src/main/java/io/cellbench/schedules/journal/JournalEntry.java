package io.cellbench.schedules.journal;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.runner.RunPosition;
import java.util.Map;

/**
 * One cell's journal file, DIR/journal/&lt;cell&gt;.json (format in docs/operations.md).
 *
 * @param cellId            the cell
 * @param writtenUnixSecond when this version was written (the test clock)
 * @param position          where the run stands; {@code null} when it ended before its first step
 * @param outcome           how the run ended, {@code null} while it runs (or when it was killed)
 * @param instruments       the state of simulated instruments at {@code position} (empty for
 *                          real ones, which keep their own state)
 * @param dataThroughTestTimeSecond every sample of the cell up to this test time was on disk
 *                          when this version was written (the data's end a resume checks);
 *                          {@code null} when nothing had been written yet, or for journals of
 *                          versions that did not record it
 * @param outputOffConfirmed after a FAULT or a safety trip: whether the instrument has
 *                          confirmed the channel's output off ({@code false}: it may still be
 *                          sourcing, and a resume switches it off); {@code null} otherwise
 */
public record JournalEntry(
        String cellId,
        double writtenUnixSecond,
        RunPosition position,
        RunEvent.Outcome outcome,
        Map<String, double[]> instruments,
        Double dataThroughTestTimeSecond,
        Boolean outputOffConfirmed) {

    public static final String FORMAT = "cellbench-journal";

    public JournalEntry {
        instruments = instruments == null ? Map.of() : Map.copyOf(instruments);
    }

    /** An entry that says nothing about the output after a fault. */
    public JournalEntry(String cellId, double writtenUnixSecond, RunPosition position, RunEvent.Outcome outcome,
                        Map<String, double[]> instruments, Double dataThroughTestTimeSecond) {
        this(cellId, writtenUnixSecond, position, outcome, instruments, dataThroughTestTimeSecond, null);
    }

    /** An entry that says nothing about the data on disk. */
    public JournalEntry(String cellId, double writtenUnixSecond, RunPosition position, RunEvent.Outcome outcome,
                        Map<String, double[]> instruments) {
        this(cellId, writtenUnixSecond, position, outcome, instruments, null, null);
    }

    /** This entry continuing from {@code moved} with the data on disk ending at {@code dataThrough}. */
    public JournalEntry continuingAt(RunPosition moved, Double dataThrough) {
        return new JournalEntry(cellId, writtenUnixSecond, moved, outcome, instruments, dataThrough,
                outputOffConfirmed);
    }

    /** This entry once the instrument has confirmed the output off. */
    public JournalEntry outputConfirmedOff() {
        return new JournalEntry(cellId, writtenUnixSecond, position, outcome, instruments, dataThroughTestTimeSecond,
                Boolean.TRUE);
    }

    /**
     * True when the run ended on a fault or a trip and the instrument never confirmed the
     * output off: the process that kept switching it off may have been killed first.
     */
    public boolean outputInDoubt() {
        return Boolean.FALSE.equals(outputOffConfirmed);
    }

    /**
     * True when there is nothing to resume: the run completed, tripped or faulted. A run
     * stopped by the operator (Ctrl-C) or killed can be resumed.
     */
    public boolean finished() {
        return outcome != null && outcome != RunEvent.Outcome.STOPPED;
    }
}
