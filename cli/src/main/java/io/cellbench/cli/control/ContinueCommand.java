package io.cellbench.cli.control;

import picocli.CommandLine.Command;

@Command(name = "continue", mixinStandardHelpOptions = true,
        description = {"Continue cells paused with 'cellbench pause', or one cell with --cell.",
            "Each goes on with its step where it stood. A cell that an interlock also holds stays",
            "paused until that clears."},
        footer = {"", "Examples:",
            "  cellbench continue runs/live",
            "  cellbench continue runs/live --cell coin-3"})
public final class ContinueCommand extends ControlCommand {
    @Override
    String verb() {
        return "continue";
    }
}
