package io.cellbench.daq.sink;

import io.cellbench.core.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run asks of one sink: its factory's name and plain text settings (a URL, a file),
 * never a secret (settings are journaled with the run; credentials come from the environment
 * or files the factory reads).
 *
 * @param name   the factory's {@link SinkFactory#name()}
 * @param values the settings, in the order given; no null keys or values
 */
public record SinkSettings(String name, Map<String, String> values) {
    public SinkSettings {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A sink with no settings of its own. */
    public static SinkSettings of(String name) {
        return new SinkSettings(name, Map.of());
    }

    /** The setting {@code key}, or null when not given. */
    public String value(String key) {
        return values.get(key);
    }

    /** Refuses a setting the sink does not know, naming those it does. */
    public void allowOnly(List<String> known) {
        Set<String> allowed = Set.copyOf(known);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new UserError("sink '" + name + "': unknown setting '" + key + "'; its settings are "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }
}
