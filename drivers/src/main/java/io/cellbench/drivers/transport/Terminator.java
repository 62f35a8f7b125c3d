package io.cellbench.drivers.transport;

import java.nio.charset.StandardCharsets;

/**
 * How lines end on the wire. Reading accepts either ending whatever is chosen (a trailing
 * '\r' is dropped), so the choice only decides what is sent.
 */
public enum Terminator {
    /** "\n": raw-socket SCPI (port 5025) and most instruments. */
    LF("\n", "lf"),
    /** "\r\n": many serial instruments. */
    CRLF("\r\n", "crlf");

    private final byte[] bytes;
    private final String settingName;

    Terminator(String text, String settingName) {
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
        this.settingName = settingName;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** The lab-file spelling: lf or crlf. */
    public String settingName() {
        return settingName;
    }
}
