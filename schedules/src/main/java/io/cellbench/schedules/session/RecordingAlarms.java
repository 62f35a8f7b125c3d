package io.cellbench.schedules.session;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.run.RecordingFailure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says on the console, at once, when the run directory cannot take a cell's data (a full
 * disk): which cell, which file, why, and what to do. The failure still goes on to the runner,
 * which stops the cell at open circuit with an ALARM; that ALARM reaches the console with every
 * other alarm (the console's alarm lines), so it is not printed here again. A failure met outside the
 * events (the journal's write, its flush of the samples) reaches the console as that ALARM only.
 */
final class RecordingAlarms implements RunListener {
    private final RunListener inner;
    private final PrintStream console;
    private final Path runDirectory;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    RecordingAlarms(RunListener inner, PrintStream console, Path runDirectory) {
        this.inner = inner;
        this.console = console;
        this.runDirectory = runDirectory;
    }

    @Override
    public void on(RunEvent event) {
        try {
            inner.on(event);
        } catch (RecordingFailure f) {
            if (said.add(f.cellId() + " " + f.file())) {
                // a cell whose end could not be written had ended: it stops nothing, resume records the end
                console.println("cellbench: ALARM: " + f.getMessage() + (event instanceof RunEvent.RunEnded e
                        && e.outcome() != RunEvent.Outcome.STOPPED
                        ? "; the cell had ended " + e.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        + ". Once there is room again, cellbench resume " + runDirectory + " records its end"
                        : "; the cell stops at open circuit. Once there is room again: cellbench resume " + runDirectory));
            }
            throw f;
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
