package io.cellbench.drivers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One instrument of a lab file: its name, its driver and its settings as written (a YAML
 * tree of String, List and Map values). {@code origin} says where it was written
 * ("lab.yaml:12:5") for error messages.
 */
public record InstrumentConfig(String name, String driver, Map<String, Object> settings, String origin) {

    public InstrumentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        origin = origin == null ? name : origin;
    }

    /** A required text setting. */
    public String text(String key) {
        Object v = settings.get(key);
        if (v == null) {
            throw new DriverConfigException(this, key, "is missing");
        }
        if (!(v instanceof String s)) {
            throw new DriverConfigException(this, key, "must be a single value");
        }
        return s;
    }

    /** An optional text setting. */
    public String text(String key, String otherwise) {
        return settings.containsKey(key) ? text(key) : otherwise;
    }

    /** A nested mapping (e.g. a register map), empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> mapping(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new DriverConfigException(this, key, "must be a mapping of 'key: value' lines");
        }
        return (Map<String, Object>) m;
    }

    /** A list setting, empty when absent. */
    public List<?> list(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new DriverConfigException(this, key, "must be a list");
        }
        return l;
    }
}
