package io.cellbench.daq.spool;

import java.util.Locale;

/**
 * When appended lines are forced from the page cache to the disk. Every append reaches the
 * operating system before {@code append} returns, so a killed process loses nothing under any
 * policy; the policy decides what a power cut or kernel crash can take.
 */
public enum SpoolFsync {
    /** fdatasync after every append: a power cut loses nothing that was acknowledged. Slowest. */
    ALWAYS,
    /** fdatasync at most every interval (default 1 s): a power cut loses at most the last interval. */
    INTERVAL,
    /** Never forced; the kernel writes back when it likes (about 30 s on Linux). */
    NEVER;

    public static SpoolFsync parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fsync policy '" + text + "' is not one of always, interval, never");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
