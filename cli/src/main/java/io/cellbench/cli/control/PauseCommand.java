package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Pause the cells of a running run, or one cell with --cell.",
            "At its next sample each channel goes to open circuit and the cell rests there, sampled",
            "and logged, its step's time standing still, until 'cellbench continue'. An interlock's",
            "pause is separate: continue does not end it."},
        footer = {"", "Examples:",
            "  cellbench pause runs/live --cell coin-3 --reason \"re-crimp\"",
            "  cellbench status runs/live          shows PAUSED (operator: re-crimp)",
            "  cellbench continue runs/live --cell coin-3"})
public final class PauseCommand extends ControlCommand {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; shown by status and in events.jsonl.")
    String reason;

    @Override
    String verb() {
        return "pause";
    }

    @Override
    ObjectNode request() {
        ObjectNode r = super.request();
        if (reason != null) {
            r.put("reason", reason);
        }
        return r;
    }
}
