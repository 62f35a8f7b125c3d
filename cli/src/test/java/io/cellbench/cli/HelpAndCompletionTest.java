package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpAndCompletionTest {

    /** Every command a user can type, with its full name ("cellbench data cycles"). */
    private static List<CommandLine> allCommands() {
        List<CommandLine> out = new ArrayList<>();
        collect(Main.commandLine(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
    }

    @Test
    void everyCellbenchCommandHasHelpWithExamples() {
        for (CommandLine cl : allCommands()) {
            String name = cl.getCommandSpec().qualifiedName();
            if (cl.getCommand() instanceof picocli.AutoComplete.GenerateCompletion
                    || cl.getCommandSpec().userObject().getClass().getName().startsWith("picocli.")) {
                continue; // picocli's own generators document themselves
            }
            String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(usage.contains("Usage: " + name), name + ":\n" + usage);
            assertTrue(usage.contains("Examples:"), name + " has no examples:\n" + usage);
            assertTrue(usage.contains("-h, --help"), name + ":\n" + usage);
        }
    }

    @Test
    void picocliGeneratorsHaveExamplesToo() {
        for (String generator : List.of("generate-completion", "gen-manpage")) {
            Console c = Console.run(generator, "--help");
            assertEquals(0, c.exitCode(), c.err());
            assertTrue(c.out().contains("Examples:") && c.out().contains("cellbench " + generator), c.out());
        }
    }

    /**
     * The line a command is listed with in its parent's --help is a whole sentence: it used to be
     * the first line of a wrapped paragraph ("Pause the cells … (or one, with --cell): at its next").
     */
    @Test
    void everyCommandSummaryIsAWholeSentence() {
        for (CommandLine cl : allCommands()) {
            if (cl.getCommandSpec().userObject().getClass().getName().startsWith("picocli.")) {
                continue; // picocli's generators: their summaries are picocli's
            }
            String[] header = cl.getCommandSpec().usageMessage().header();
            String[] description = cl.getCommandSpec().usageMessage().description();
            String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
            String name = cl.getCommandSpec().qualifiedName();
            assertTrue(summary.endsWith("."), name + ": '" + summary + "'");
            assertEquals(summary.chars().filter(ch -> ch == '(').count(), summary.chars().filter(ch -> ch == ')').count(),
                    name + ": '" + summary + "'");
            assertTrue(summary.length() <= 90, name + " summary is longer than a line: '" + summary + "'");
        }
        Console top = Console.run("--help");
        assertTrue(top.out().contains("Pause the cells of a running run, or one cell with"), top.out());
        assertTrue(!top.out().contains("at its next"), top.out());
    }

    @Test
    void bashCompletionKnowsTheCommandsAndOptions() {
        Console c = Console.run("generate-completion");
        assertEquals(0, c.exitCode(), c.err());
        for (String word : List.of("demo", "validate", "run", "data", "cycles", "--simulate", "--speed")) {
            assertTrue(c.out().contains(word), "completion lacks " + word);
        }
    }

    @Test
    void manPagesAreWrittenForEveryCommand(@TempDir Path dir) throws Exception {
        Console c = Console.run("gen-manpage", "-d", dir.toString());
        assertEquals(0, c.exitCode(), c.err());
        for (String page : List.of("cellbench.adoc", "cellbench-demo.adoc", "cellbench-validate.adoc",
                "cellbench-run.adoc", "cellbench-data-cycles.adoc")) {
            Path p = dir.resolve(page);
            assertTrue(Files.isRegularFile(p), page);
            assertTrue(Files.readString(p).contains(":doctype: manpage"), page);
        }
    }
}
