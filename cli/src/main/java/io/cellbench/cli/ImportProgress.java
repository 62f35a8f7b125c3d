package io.cellbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * An import's progress over the bytes of all its files: a bar (the progress bar library
 * {@link ProgressReporter} uses) on an interactive terminal, and one line per file always, with
 * the repairs made, so a log says what happened to each file.
 */
final class ImportProgress implements AutoCloseable {
    private final PrintStream console;
    private final ProgressBar bar;
    private long bytesDone;
    private String cell = "";

    private ImportProgress(PrintStream console, ProgressBar bar) {
        this.console = console;
        this.bar = bar;
    }

    static ImportProgress start(List<Path> files, PrintStream console) throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        ProgressBar bar = !Terminal.isInteractive() ? null : new ProgressBarBuilder().setTaskName("import")
                .setInitialMax(Math.max(total, 1)).setUnit(" MB", 1 << 20).showSpeed()
                .setConsumer(new InteractiveConsoleProgressBarConsumer(console)).build();
        return new ImportProgress(console, bar);
    }

    void reading(Path file, String cellId) {
        cell = cellId;
        if (bar != null) {
            bar.setExtraMessage(cellId);
        }
    }

    /** Rows so far of the file being read (its bytes read are not known until it is done). */
    void rows(long samples) {
        if (bar != null) {
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, "%s (%,d samples so far)", cell, samples));
        }
    }

    void done(Path file, String summary) {
        try {
            bytesDone += Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bar != null) {
            bar.stepTo(bytesDone);
        }
        console.println(summary);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
