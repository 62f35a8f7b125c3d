package io.cellbench.schedules.examples;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.sink.RunSink;
import io.cellbench.daq.sink.SinkContext;
import io.cellbench.daq.sink.SinkFactory;
import io.cellbench.daq.sink.SinkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The "How to add a sink" recipe of docs/architecture.md, followed to the letter: this class and
 * a line in META-INF/services/io.cellbench.daq.sink.SinkFactory, nothing else. It counts each
 * cell's samples and writes them to a file in the run directory when the run closes.
 * Setting: {@code file} (default {@value #DEFAULT_FILE}, in the run directory).
 */
public final class SampleCountSinkFactory implements SinkFactory {
    static final String DEFAULT_FILE = "sample-counts.txt";

    @Override
    public String name() {
        return "example-count";
    }

    @Override
    public String displayName() {
        return "the sample counter";
    }

    @Override
    public List<String> check(SinkSettings settings, Map<String, String> environment) {
        settings.allowOnly(List.of("file"));
        return List.of();
    }

    @Override
    public RunSink open(SinkContext context, SinkSettings settings) throws IOException {
        check(settings, context.environment());
        String name = settings.value("file") != null ? settings.value("file") : DEFAULT_FILE;
        return new Counter(context, context.runDirectory().resolve(name));
    }

    private static final class Counter implements RunSink {
        private final SinkContext context;
        private final Path file;
        private final Map<String, LongAdder> samples = new ConcurrentHashMap<>();

        Counter(SinkContext context, Path file) {
            this.context = context;
            this.file = file;
        }

        @Override
        public void on(RunEvent event) {
            if (event instanceof RunEvent.SampleRecorded s) {
                samples.computeIfAbsent(s.cellId(), k -> new LongAdder()).increment();
            }
        }

        @Override
        public void close() {
            StringBuilder text = new StringBuilder();
            new TreeMap<>(samples).forEach((cell, n) -> text.append(cell).append(' ').append(n.sum()).append('\n'));
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.console().accept("cellbench: sample counts in " + file);
        }
    }
}
