package io.cellbench.daq.sink;

import io.cellbench.core.UserError;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The sinks on the class path, by name (META-INF/services/io.cellbench.daq.sink.SinkFactory). */
public final class Sinks {
    private Sinks() {
    }

    public static Map<String, SinkFactory> all() {
        Map<String, SinkFactory> out = new TreeMap<>();
        for (SinkFactory f : ServiceLoader.load(SinkFactory.class)) {
            out.put(f.name(), f);
        }
        return out;
    }

    /** @throws UserError naming the sinks there are, for a name none has */
    public static SinkFactory named(String name) {
        return named(all(), name);
    }

    static SinkFactory named(Map<String, SinkFactory> factories, String name) {
        SinkFactory f = factories.get(name);
        if (f == null) {
            List<String> names = factories.keySet().stream().sorted().toList();
            throw new UserError("unknown sink '" + name + "'; the sinks are " + (names.isEmpty() ? "none"
                    : String.join(", ", names)));
        }
        return f;
    }
}
