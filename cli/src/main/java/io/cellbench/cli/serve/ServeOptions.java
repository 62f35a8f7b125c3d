package io.cellbench.cli.serve;

import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.session.RunAttachment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --serve} (with --port and --bind) for commands that run a schedule: the live page while it runs. */
public final class ServeOptions {
    @Option(names = "--serve", description = "Serve a live page of the run while it goes (see --port, --bind).")
    boolean serve;

    @Mixin
    ServeAddress address = new ServeAddress();

    public boolean enabled() {
        return serve;
    }

    /** The live page at this address: what a resumed run re-attaches from its journal. */
    public static ServeOptions at(String bind, int port) {
        ServeOptions options = new ServeOptions();
        options.serve = true;
        options.address.bind = bind;
        options.address.port = port;
        return options;
    }

    public String bind() {
        return address.bind;
    }

    public int port() {
        return address.port;
    }

    /**
     * Starts the live page for the run about to be written to {@code runDirectory}, or does
     * nothing without --serve. Attach the runner once it exists; close when the run is over.
     */
    public LiveRun start(Path runDirectory, PrintStream console) {
        if (!serve) {
            return LiveRun.NONE;
        }
        AtomicReference<ScheduleRunner> runner = new AtomicReference<>();
        LiveRunSource source = new LiveRunSource(runDirectory, () -> {
            ScheduleRunner r = runner.get();
            return r == null ? Map.<String, RunnerStatus>of() : r.statuses();
        });
        LiveServer server;
        try {
            server = address.start(source, runDirectory, console);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        return new LiveRun(runner, server, source, console);
    }

    /** The live page of one run; {@link #NONE} when not serving. Its command closes it after the session. */
    public static final class LiveRun implements AutoCloseable, RunAttachment {
        static final LiveRun NONE = new LiveRun(null, null, null, null);
        private final AtomicReference<ScheduleRunner> runner;
        private final LiveServer server;
        private final LiveRunSource source;
        private final PrintStream console;

        private LiveRun(AtomicReference<ScheduleRunner> runner, LiveServer server, LiveRunSource source,
                        PrintStream console) {
            this.runner = runner;
            this.server = server;
            this.source = source;
            this.console = console;
        }

        /** The runner whose statuses the page shows. */
        @Override
        public void attach(Session session) {
            if (runner != null) {
                runner.set(session.runner());
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
                source.close();
                console.println("cellbench: the live page has stopped with the run; "
                        + "`cellbench serve DIR` shows the finished run.");
            }
        }
    }
}
