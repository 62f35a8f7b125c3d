package io.cellbench.cli;

import picocli.CommandLine.Command;

@Command(name = "cellbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lab automation and data acquisition for battery cyclers.",
        subcommands = {
            DemoCommand.class,
            ValidateCommand.class,
            RunCommand.class,
            ResumeCommand.class,
            DataCommand.class,
        },
        footer = {"", "Examples:",
            "  cellbench demo                         run the simulated demo",
            "  cellbench validate --json protocol.yaml",
            "  cellbench run schedule.yaml --simulate --out runs/today",
            "  cellbench resume runs/today            continue after a crash or Ctrl-C",
            "  cellbench data cycles runs/today --cell coin-1"})
public final class CellbenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
