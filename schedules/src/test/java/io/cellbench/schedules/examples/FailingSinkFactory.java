package io.cellbench.schedules.examples;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.sink.RunSink;
import io.cellbench.daq.sink.SinkContext;
import io.cellbench.daq.sink.SinkFactory;
import io.cellbench.daq.sink.SinkSettings;
import java.util.List;
import java.util.Map;

/** A sink whose every event fails, as a sink's full disk does: found through the same services file. */
public final class FailingSinkFactory implements SinkFactory {
    @Override
    public String name() {
        return "example-failing";
    }

    @Override
    public String displayName() {
        return "the failing example";
    }

    @Override
    public List<String> check(SinkSettings settings, Map<String, String> environment) {
        return List.of();
    }

    @Override
    public RunSink open(SinkContext context, SinkSettings settings) {
        return new RunSink() {
            @Override
            public void on(RunEvent event) {
                throw new IllegalStateException("no space left on its device");
            }

            @Override
            public void close() {
            }
        };
    }
}
