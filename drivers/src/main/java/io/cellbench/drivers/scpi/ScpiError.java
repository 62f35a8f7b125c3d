package io.cellbench.drivers.scpi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of an instrument's error queue, as {@code :SYST:ERR?} answers it:
 * {@code -113,"Undefined header"}. Code 0 means the queue is empty.
 */
public record ScpiError(int code, String message) {

    private static final Pattern ENTRY = Pattern.compile("\\s*([+-]?\\d+)\\s*,\\s*\"(.*)\"\\s*");
    private static final Pattern BARE = Pattern.compile("\\s*([+-]?\\d+)\\s*(?:,\\s*(.*?))?\\s*");

    /** Parses an answer to {@code :SYST:ERR?}; null when it is not an error-queue entry. */
    public static ScpiError parse(String answer) {
        Matcher m = ENTRY.matcher(answer);
        if (m.matches()) {
            return new ScpiError(Integer.parseInt(m.group(1).replace("+", "")), m.group(2).replace("\"\"", "\""));
        }
        // some firmware leaves the quotes off
        Matcher b = BARE.matcher(answer);
        if (b.matches()) {
            return new ScpiError(Integer.parseInt(b.group(1).replace("+", "")), b.group(2) == null ? "" : b.group(2));
        }
        return null;
    }

    public boolean isNoError() {
        return code == 0;
    }

    /** As the instrument wrote it: {@code -113,"Undefined header"}. */
    @Override
    public String toString() {
        return code + ",\"" + message + "\"";
    }
}
