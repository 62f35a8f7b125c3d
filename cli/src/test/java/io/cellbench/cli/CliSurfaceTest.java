package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line as users see it, pinned: the help of every command and subcommand (without
 * colours) and the bash completion script, in {@value #GOLDEN}. A refactoring that moves options
 * into other classes (issue 12) must leave it as it was. When a change is meant to alter it,
 * rewrite the file and review the diff this prints before committing (docs/testing.md):
 * <pre>
 * mvn -B -ntp verify -pl cli -am -Dtest=CliSurfaceTest -Dsurefire.failIfNoSpecifiedTests=false -Dcellbench.golden=write
 * </pre>
 */
class CliSurfaceTest {
    static final String GOLDEN = "cli/src/test/resources/io/cellbench/cli/cli-surface.txt";

    @Test
    void everyCommandsHelpAndTheCompletionScriptAreWhatTheyWere() {
        List<String> parts = new ArrayList<>();
        parts.add("# Every command's help and the bash completion script (CliSurfaceTest).");
        parts.add("# Rewrite with -D" + Golden.WRITE_PROPERTY + "=write and review the diff it prints (docs/testing.md).");
        for (CommandLine cl : commands(Main.commandLine(), new ArrayList<>())) {
            parts.add("");
            parts.add("==== " + cl.getCommandSpec().qualifiedName());
            parts.add(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing());
        }
        Console completion = Console.run("generate-completion");
        assertEquals(0, completion.exitCode(), completion.err());
        parts.add("");
        parts.add("==== cellbench generate-completion (its output)");
        parts.add(completion.out().stripTrailing());
        Golden.assertMatchesFile(GOLDEN, String.join("\n", parts) + "\n");
    }

    /** Every command, depth first, each subcommand once (aliases name the same command). */
    private static List<CommandLine> commands(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> commands(sub, out));
        return out;
    }
}
