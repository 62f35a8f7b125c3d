package io.cellbench.cli;

import io.cellbench.protocols.grammar.StepGrammar;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistyped command or option gets one suggestion, from the edit distance people make typos
 * in (a swap of two letters is one edit, so {@code rnu} is {@code run}), rather than picocli's
 * similarity guess ("Did you mean: cellbench continue?"); no guess when nothing is close.
 */
final class ArgumentMistakes implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().getFirst();
            boolean option = word.startsWith("-");
            List<String> candidates = option ? optionNames(cl) : new ArrayList<>(cl.getSubcommands().keySet());
            if (!option && !candidates.isEmpty()) {
                err.println("error: '" + word + "' is not a " + name + " command");
            } else {
                err.println("error: " + ex.getMessage());
            }
            String guess = StepGrammar.closestWord(option ? word.replaceFirst("^-+", "") : word,
                    option ? candidates.stream().map(c -> c.replaceFirst("^-+", "")).toList() : candidates);
            if (guess != null) {
                String full = option ? candidates.stream().filter(c -> c.replaceFirst("^-+", "").equals(guess))
                        .findFirst().orElse(guess) : guess;
                err.println("Did you mean: " + (option ? full : name + " " + full) + "?");
            } else if (!option && !candidates.isEmpty()) {
                err.println("Commands: " + String.join(", ", candidates));
            }
            err.println("See '" + name + " --help' for what it takes.");
        } else {
            err.println("error: " + ex.getMessage());
            cl.usage(err);
        }
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static List<String> optionNames(CommandLine cl) {
        List<String> names = new ArrayList<>();
        cl.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }
}
