package io.cellbench.cli;

import picocli.CommandLine.Command;

@Command(name = "cellbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lab automation and data acquisition for battery cyclers.",
        subcommands = {
            DemoCommand.class,
            ValidateCommand.class,
            CompileCommand.class,
            RunCommand.class,
            ResumeCommand.class,
            RepairCommand.class,
            io.cellbench.cli.control.StatusCommand.class,
            io.cellbench.cli.control.PauseCommand.class,
            io.cellbench.cli.control.ContinueCommand.class,
            io.cellbench.cli.control.StopCommand.class,
            DataCommand.class,
            ImportCommand.class,
            io.cellbench.cli.serve.ServeCommand.class,
            picocli.AutoComplete.GenerateCompletion.class,
            picocli.codegen.docgen.manpage.ManPageGenerator.class,
            io.cellbench.cli.plot.PlotCommand.class,
            io.cellbench.cli.lab.VirtualLabCommand.class,
            io.cellbench.cli.lab.PortsCommand.class,
            io.cellbench.cli.lab.ProbeCommand.class,
        },
        footer = {"", "Examples:",
            "  cellbench demo                         run the simulated demo",
            "  cellbench validate --json protocol.yaml",
            "  cellbench run schedule.yaml --simulate --out runs/today",
            "  cellbench run schedule.yaml --lab lab.yaml --out runs/b7   a lab's instruments",
            "  cellbench virtual-lab --write-lab lab.yaml  simulated instruments",
            "  cellbench ports                            serial ports for a lab file",
            "  cellbench probe --lab lab.yaml smu-1       does the instrument answer?",
            "  cellbench data cycles runs/today --cell coin-1",
            "  cellbench import cell7.ndax --out runs/cell7   another cycler's file as a run",
            "  cellbench resume runs/today                continue after a crash or Ctrl-C",
            "  cellbench repair runs/today                rebuild a lost run.json, cut a torn events.jsonl line",
            "  cellbench serve runs/today                 live page on http://127.0.0.1:8642/",
            "  source <(cellbench generate-completion)   tab completion in bash/zsh",
            "  cellbench gen-manpage -d man/             man pages (AsciiDoc)",
            "  cellbench plot runs/today --cell coin-1 --kind voltage -o voltage.png"})
public final class CellbenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
