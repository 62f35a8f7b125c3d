package io.cellbench.schedules.session;

import io.cellbench.schedules.execution.ScheduleRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * SAFETY: a cell that ended with its channel's output not confirmed off keeps the process
 * running: cellbench keeps switching the output off until the instrument confirms, or the
 * operator stops it (then an ALARM says to switch it off at the instrument).
 */
final class OutputsOff {
    private OutputsOff() {
    }

    static void await(ScheduleRunner runner, Path out, PrintStream console) throws InterruptedException {
        List<String> unconfirmed = runner.outputsUnconfirmed();
        if (unconfirmed.isEmpty()) {
            return;
        }
        boolean one = unconfirmed.size() == 1;
        console.println("cellbench: every cell has ended, but the channel output" + (one ? " of cell " : "s of cells ")
                + String.join(", ", unconfirmed) + (one ? " is" : " are") + " not confirmed off: cellbench keeps"
                + " switching " + (one ? "it" : "them") + " off until the instrument confirms ('cellbench status " + out
                + "' shows it). To give up and switch " + (one ? "it" : "them") + " off at the instrument: 'cellbench stop "
                + out + "' or Ctrl-C");
        while (!runner.awaitOutputsOff(1000)) {
            // the retries end on their own (confirmed) or on a stop, which gives them up
        }
    }
}
