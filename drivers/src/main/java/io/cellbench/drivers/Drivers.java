package io.cellbench.drivers;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The drivers on the class path, by name. */
public final class Drivers {
    private Drivers() {
    }

    public static Map<String, DriverFactory> all() {
        Map<String, DriverFactory> out = new TreeMap<>();
        for (DriverFactory f : ServiceLoader.load(DriverFactory.class)) {
            out.put(f.name(), f);
        }
        return out;
    }

    public static DriverFactory named(String name) {
        Map<String, DriverFactory> all = all();
        DriverFactory f = all.get(name);
        if (f == null) {
            List<String> names = List.copyOf(all.keySet());
            throw new DriverConfigException("unknown driver '" + name + "'; available drivers: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return f;
    }
}
