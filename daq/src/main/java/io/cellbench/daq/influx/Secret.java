package io.cellbench.daq.influx;

import java.util.Objects;

/**
 * A password or token. Its {@code toString} never shows it, so a secret cannot leak into a
 * log line, an exception or a status page by accident; {@link #reveal()} is the one way out,
 * used only where the credential goes on the wire.
 */
public final class Secret {

    private static final Secret NONE = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? NONE : new Secret(value);
    }

    public static Secret none() {
        return NONE;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "(none)";
    }
}
