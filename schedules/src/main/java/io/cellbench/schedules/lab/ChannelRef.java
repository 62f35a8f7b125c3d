package io.cellbench.schedules.lab;

import io.cellbench.protocols.model.SourceLocation;
import java.util.Objects;

/**
 * A cycler channel of the lab: an instrument that is one channel ({@code smu-1},
 * {@code number} 0) or channel {@code number} of a multi-channel cycler ({@code bank/3}).
 */
public record ChannelRef(String instrument, int number, SourceLocation at) {

    public ChannelRef {
        Objects.requireNonNull(instrument, "instrument");
        if (number < 0) {
            throw new IllegalArgumentException("channel number must be ≥ 1, got " + number);
        }
    }

    /** Reads "smu-1" or "bank/3"; {@code null} when the text is neither (the caller says why). */
    public static ChannelRef parse(String text, SourceLocation at) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return t.isEmpty() ? null : new ChannelRef(t, 0, at);
        }
        String instrument = t.substring(0, slash).strip();
        String number = t.substring(slash + 1).strip();
        if (instrument.isEmpty() || !number.matches("\\d{1,6}") || Integer.parseInt(number) < 1) {
            return null;
        }
        return new ChannelRef(instrument, Integer.parseInt(number), at);
    }

    /** As a lab file writes it. */
    public String text() {
        return number == 0 ? instrument : instrument + "/" + number;
    }
}
