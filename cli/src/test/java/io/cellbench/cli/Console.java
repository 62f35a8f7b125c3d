package io.cellbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a cellbench command line in process and captures what it prints. */
record Console(int exitCode, String out, String err) {

    static Console run(String... args) {
        return run(commandLine -> { }, args);
    }

    /** Runs {@code args} on a command line that {@code prepare} changes first (e.g. a command's fields). */
    static Console run(java.util.function.Consumer<picocli.CommandLine> prepare, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            // built after System.out is replaced, as in a real process: built before, the output of
            // picocli's generators (generate-completion) is not captured
            picocli.CommandLine commandLine = Main.commandLine();
            prepare.accept(commandLine);
            int code = commandLine
                    .setOut(new java.io.PrintWriter(System.out, true))
                    .setErr(new java.io.PrintWriter(System.err, true))
                    .execute(args);
            return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
