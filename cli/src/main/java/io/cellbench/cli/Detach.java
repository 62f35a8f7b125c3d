package io.cellbench.cli;

import io.cellbench.core.UserError;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --detach} of run and resume: the same command line runs again, without --detach,
 * in a detached child process (a new session by {@code setsid}: no controlling terminal, so
 * neither a closed terminal nor Ctrl-C there reaches it; standard input from /dev/null). The
 * child checks everything as usual and prints its refusals to this parent, which passes them
 * on; once it writes its run directory it moves its output to DIR/cellbench.log
 * ({@link RunConsole#committed}); once it answers on its control channel it says so ({@link
 * RunConsole#answering}), and this parent prints how to watch and stop it and exits. Not
 * before: a {@code cellbench status DIR} typed right after this returns must show the run.
 */
final class Detach {
    private Detach() {
    }

    /**
     * Starts the detached child and waits until it answers for {@code runDirectory} on the
     * control channel, or ends.
     *
     * @param args the command line as given, --detach included (it is left out)
     * @return 0 once the child answers, else the child's exit code
     */
    static int start(List<String> args, Path runDirectory) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        args.stream().filter(a -> !a.equals("--detach")).forEach(command::add);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put(RunConsole.DETACHED_ENV, "1");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new UserError("--detach needs 'setsid' (util-linux) to start the run in a session of its own: "
                    + e.getMessage() + "; or run it under systemd or tmux (docs/operations.md)");
        }
        // its errors to this process's standard error, as it says them (a refusal); until it has detached
        Thread errors = Thread.ofPlatform().daemon().name("detached-child-errors").start(() -> relay(child, System.err));
        try (BufferedReader from = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = from.readLine(); line != null; line = from.readLine()) {
                if (line.startsWith(RunConsole.DETACHED_LINE)) {
                    String pid = line.substring(RunConsole.DETACHED_LINE.length()).strip();
                    Path dir = runDirectory;
                    System.out.println("cellbench: the run goes on in the background as process " + pid
                            + ", in a session of its own: closing this terminal does not touch it.");
                    System.out.println("  its output: " + dir.resolve(RunDirectoryLock.LOG) + "   (tail -f it)");
                    System.out.println("  watch it:   cellbench status " + dir);
                    System.out.println("  stop it:    cellbench stop " + dir + "   (every cell to open circuit,"
                            + " files closed; resume later with cellbench resume " + dir + ")");
                    return 0;
                }
                System.out.println(line); // a refusal, the plan: what the child says before it goes quiet
            }
        }
        int code = child.waitFor(); // it ended before it answered: refused, failed, or done already
        errors.join(5_000);
        List<String> logged = loggedSinceDetached(runDirectory.resolve(RunDirectoryLock.LOG), child.pid());
        if (!logged.isEmpty()) {
            // It had written the directory, and said the rest in its log: show it here.
            System.out.println("cellbench: the run ended (exit code " + code + ") before it answered on its control"
                    + " channel; what it printed, from " + runDirectory.resolve(RunDirectoryLock.LOG) + ":");
            logged.subList(Math.max(0, logged.size() - 40), logged.size()).forEach(l -> System.out.println("  " + l));
        }
        return code;
    }

    /** The lines the child {@code pid} wrote to the run's log after it detached; empty when none. */
    private static List<String> loggedSinceDetached(Path log, long pid) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(); // no log: it never wrote the directory
        }
        String mark = RunConsole.DETACHED_LOG + pid + ")";
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(mark)) {
                return lines.subList(i, lines.size());
            }
        }
        return List.of();
    }

    private static void relay(Process child, java.io.PrintStream to) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                to.println(line);
            }
        } catch (IOException e) {
            // the child went away
        }
    }
}
