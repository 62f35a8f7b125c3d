package io.cellbench.cli;

import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Read recorded data back, from a run directory or InfluxDB.",
            "Per-cycle summaries, samples, impedance spectra, and exports to BDF, CSV and Arrow files."},
        subcommands = {DataCyclesCommand.class, DataRawCommand.class, DataEisCommand.class, DataExportCommand.class},
        footer = {"", "Examples:",
            "  cellbench data cycles demo-run",
            "  cellbench data cycles demo-run --cell coin-60MPa --format csv > coin.csv",
            "  cellbench data raw demo-run --cell coin-60MPa --cycles 3..3",
            "  cellbench data eis demo-run --cell coin-60MPa --format csv",
            "  cellbench data export demo-run --format bdf -o bdf/"})
final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
