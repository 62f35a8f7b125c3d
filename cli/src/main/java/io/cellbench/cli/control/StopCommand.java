package io.cellbench.cli.control;

import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop a running run, or one cell with --cell.",
            "Within one sample period each channel goes to open circuit, its last sample is recorded",
            "and it ends STOPPED. The process ends when every cell has. A stopped run can be",
            "continued later with 'cellbench resume DIR'."},
        footer = {"", "Examples:",
            "  cellbench stop runs/live --cell pouch-2     end one cell, the others go on",
            "  cellbench stop runs/live                    the whole run, as Ctrl-C"})
public final class StopCommand extends ControlCommand {
    @Override
    String verb() {
        return "stop";
    }
}
