package io.cellbench.cli;

import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Read recorded data back: per-cycle summaries, …",
        subcommands = {DataCyclesCommand.class},
        footer = {"", "Examples:",
            "  cellbench data cycles demo-run",
            "  cellbench data cycles demo-run --cell coin-60MPa --format csv > coin.csv"})
final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
