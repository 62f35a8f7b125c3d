package io.cellbench.cli;

import picocli.CommandLine;

/** Entry point of the cellbench command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        RunConsole.install(); // a run's output can follow it to DIR/cellbench.log (--detach, a closed terminal)
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CellbenchCommand());
        cl.setExecutionExceptionHandler(new UserErrors());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
