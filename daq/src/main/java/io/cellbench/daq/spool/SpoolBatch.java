package io.cellbench.daq.spool;

import java.nio.charset.StandardCharsets;

/**
 * Consecutive whole lines read from a spool, from {@code startOffset} to {@code endOffset}
 * (positions in the spool's byte stream). {@code bytes[0, length)} holds the lines, each
 * ending in a line feed. Committing the batch acknowledges everything before {@code endOffset}.
 */
public record SpoolBatch(long startOffset, long endOffset, int lines, byte[] bytes, int length) {

    public boolean isEmpty() {
        return lines == 0;
    }

    /** The lines as text (without the final line feed). */
    public String text() {
        int n = length > 0 && bytes[length - 1] == '\n' ? length - 1 : length;
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
