package io.cellbench.cli.serve;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a live page of a run directory.",
            "Every cell's state, and voltage and current plots of the selected cell. Works on a",
            "finished run and on one still being written."},
        footer = {"", "Examples:",
            "  cellbench serve runs/today                         http://127.0.0.1:8642/",
            "  cellbench serve runs/today --port 0                any free port (printed)",
            "  cellbench serve runs/today --bind 0.0.0.0          the lab network, with a token",
            "", "Stop with Ctrl-C. See docs/live-page.md."})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The run directory.")
    Path directory;

    @Mixin
    ServeAddress address = new ServeAddress();

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(directory.resolve(RunLayout.RUN_JSON))) {
            throw new UserError(directory + " is not a run directory (it has no " + RunLayout.RUN_JSON + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (RunDirectorySource source = new RunDirectorySource(directory);
             LiveServer server = address.start(source, directory, System.out)) {
            Thread onInterrupt = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "stop-serving");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            System.out.println("cellbench: serving " + directory + " until Ctrl-C");
            stopped.await();
        }
        return 0;
    }
}
