package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.session.RunAttachment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The console of a {@code cellbench} process that runs cells (docs/operations.md, "When the
 * terminal closes"). Two things can take the terminal away from a run: the technician closes
 * it (or the SSH connection drops), which sends SIGHUP, and {@code --detach}, which runs the
 * cells in a child process of their own. In both cases what the run prints goes on into
 * DIR/cellbench.log, and the run goes on: SIGHUP does not stop a run (Ctrl-C, SIGTERM and
 * {@code cellbench stop} do).
 *
 * <p>{@link #install} (from {@code main} only, never in tests that run commands in process)
 * puts switchable streams behind System.out and System.err; {@link #committed} is called by
 * run, resume and demo at the moment they start writing their run directory, {@link #answering}
 * once the run answers on its control channel.
 */
final class RunConsole {
    /** Set in a detached child's environment by its parent ({@link Detach}). */
    static final String DETACHED_ENV = "CELLBENCH_DETACHED";
    /**
     * The line a detached child prints to its parent once it answers on its control channel
     * ({@link #answering}), its last: from then on {@code cellbench status DIR} shows the run.
     */
    static final String DETACHED_LINE = "cellbench: detached: ";
    /** What the detached child's log says when it takes over from the terminal. */
    static final String DETACHED_LOG = "detached from the terminal that started it (pid ";

    private static Switch out;
    private static Switch err;
    private static volatile Consumer<String> record;
    private static volatile Path log;
    private static boolean hangupHandled;
    /** A detached child's line to its parent, from {@link #committed} until {@link #answering}. */
    private static PrintStream parent;

    private RunConsole() {
    }

    /** An output stream whose destination can be changed while it is in use. */
    private static final class Switch extends OutputStream {
        private OutputStream target;

        Switch(OutputStream target) {
            this.target = target;
        }

        synchronized void to(OutputStream next) {
            try {
                target.flush();
            } catch (IOException e) {
                // the terminal is gone
            }
            target = next;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            target.flush();
        }
    }

    /** Puts switchable streams behind System.out and System.err (the real main only). */
    static synchronized void install() {
        if (out != null) {
            return;
        }
        out = new Switch(new FileOutputStream(FileDescriptor.out));
        err = new Switch(new FileOutputStream(FileDescriptor.err));
        System.setOut(new PrintStream(out, true, System.out.charset()));
        System.setErr(new PrintStream(err, true, System.err.charset()));
    }

    /**
     * The command now runs {@code runDirectory}: a detached child moves its output into the
     * run's log and lets its parent go; every run from now on survives its terminal closing.
     */
    static synchronized void committed(Path runDirectory) {
        if (out == null) {
            return; // in process (tests): nothing to detach from, no signals to take
        }
        log = runDirectory.resolve(RunDirectoryLock.LOG);
        if (System.getenv(DETACHED_ENV) != null && parent == null) {
            parent = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                    StandardCharsets.UTF_8); // read by Detach as UTF-8
            toLog(DETACHED_LOG + ProcessHandle.current().pid() + ")");
        }
        if (!hangupHandled) {
            hangupHandled = true;
            try {
                sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> hangup());
            } catch (IllegalArgumentException e) {
                // no SIGHUP here (not a POSIX system): nothing to keep the run from
            }
        }
    }

    /**
     * The run answers on its control channel now: a detached child lets its parent go (it
     * waited for this, so that a {@code cellbench status DIR} typed right after it returned
     * shows the run, not "not running"). Only the first call counts.
     */
    static synchronized void answering() {
        if (parent != null) {
            parent.println(DETACHED_LINE + ProcessHandle.current().pid());
            parent.flush(); // not closed: that would free file descriptor 1 for the next file opened
            parent = new PrintStream(OutputStream.nullOutputStream());
        }
    }

    /** Where the sink records the hang-up once the run directory is open; {@code null} when it closes. */
    static void recordHangupWith(Consumer<String> recorder) {
        record = recorder;
    }

    /** Records a hang-up in the run's events while a session runs. */
    static RunAttachment hangupRecord() {
        return new RunAttachment() {
            @Override
            public void attach(Session session) {
                recordHangupWith(text -> session.events().on(new RunEvent.Notice("", Double.NaN,
                        RunEvent.Severity.WARNING, text)));
            }

            @Override
            public void detach() {
                recordHangupWith(null);
            }
        };
    }

    private static void hangup() {
        String text = "the terminal closed (SIGHUP); the run goes on, and what it prints goes to " + log
                + ". Watch it with 'cellbench status " + log.getParent() + "', stop it with 'cellbench stop "
                + log.getParent() + "'";
        synchronized (RunConsole.class) {
            if (System.getenv(DETACHED_ENV) == null) {
                toLog(null);
            }
        }
        System.out.println("cellbench: " + text);
        Consumer<String> r = record;
        if (r != null) {
            try {
                r.accept(text);
            } catch (RuntimeException e) {
                // the console has it
            }
        }
    }

    /** Sends both streams to the run's log (appended), with a first line saying why. */
    private static void toLog(String why) {
        try {
            OutputStream file = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            out.to(file);
            err.to(file);
            if (why != null) {
                System.out.println("cellbench: " + why);
            }
        } catch (IOException e) {
            // no log: the output is lost, the run is not
            out.to(OutputStream.nullOutputStream());
            err.to(OutputStream.nullOutputStream());
        }
    }
}
