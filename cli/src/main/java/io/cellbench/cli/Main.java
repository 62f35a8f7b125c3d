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

    private static void footer(CommandLine cl, String command, String... examples) {
        CommandLine sub = cl.getSubcommands().get(command);
        if (sub != null) {
            String[] lines = new String[examples.length + 2];
            lines[0] = "";
            lines[1] = "Examples:";
            System.arraycopy(examples, 0, lines, 2, examples.length);
            sub.getCommandSpec().usageMessage().footer(lines);
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CellbenchCommand());
        cl.setExecutionExceptionHandler(new UserErrors());
        cl.setParameterExceptionHandler(new ArgumentMistakes());
        // picocli's own generators: the same examples every other command shows
        footer(cl, "generate-completion",
                "  source <(cellbench generate-completion)      tab completion in this shell",
                "  cellbench generate-completion > ~/.cellbench-completion.bash",
                "  echo 'source ~/.cellbench-completion.bash' >> ~/.bashrc");
        footer(cl, "gen-manpage",
                "  cellbench gen-manpage -d man/       AsciiDoc pages, one per command",
                "  asciidoctor -b manpage man/*.adoc   turned into man pages (troff)",
                "  man ./man/cellbench-run.1");
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
