package io.cellbench.daq.influx;

/** What the server made of one POST of lines. */
sealed interface PostResult {

    /** Stored (HTTP 204). */
    record Written() implements PostResult {
    }

    /** Not reached or not able now (connection refused, timeout, 5xx): retry later. */
    record Unavailable(String message) implements PostResult {
    }

    /**
     * Refused for a reason that is not the lines' fault (authorization, unknown database,
     * a bad request setting): retry later, and tell someone to fix the server or the settings.
     */
    record Refused(int status, String message) implements PostResult {
    }

    /**
     * Refused because of some of the lines (cannot parse, field type conflict, outside the
     * retention policy) or because the body is too large: split and find the culprits.
     */
    record BadLines(int status, String message) implements PostResult {
    }
}
