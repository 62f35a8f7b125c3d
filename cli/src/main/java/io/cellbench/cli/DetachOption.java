package io.cellbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --detach} of run and resume (see {@link Detach}). */
final class DetachOption {
    @Option(names = "--detach",
            description = {"Run in the background, in a session of its own (closing the terminal does not touch it),",
                "writing what it prints to DIR/cellbench.log; prints how to watch and stop it. See",
                "docs/operations.md, \"When the terminal closes\"."})
    boolean detach;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    boolean requested() {
        return detach;
    }

    /** Runs this command line again, detached, for {@code runDirectory}; the exit code for this process. */
    int start(Path runDirectory) throws IOException, InterruptedException {
        return Detach.start(command.root().commandLine().getParseResult().originalArgs(), runDirectory);
    }
}
