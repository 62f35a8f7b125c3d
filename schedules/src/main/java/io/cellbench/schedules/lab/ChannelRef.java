package io.cellbench.schedules.lab;

import io.cellbench.protocols.model.SourceLocation;
import java.util.Objects;

/**
 * A cycler channel of the lab: an instrument that is one channel ({@code smu-1},
 * {@code number} 0), channel {@code number} of a multi-channel cycler ({@code bank/3}), or a
 * channel a cycler that runs its own programs names by an {@code address} of its own
 * ({@code nw/27-1-1-3}, a Neware's devtype-devid-subdevid-chlid; {@code number} 0).
 */
public record ChannelRef(String instrument, int number, SourceLocation at, String address) {

    public ChannelRef {
        Objects.requireNonNull(instrument, "instrument");
        if (number < 0) {
            throw new IllegalArgumentException("channel number must be ≥ 1, got " + number);
        }
    }

    public ChannelRef(String instrument, int number, SourceLocation at) {
        this(instrument, number, at, null);
    }

    /** Reads "smu-1", "bank/3" or "nw/27-1-1-3"; {@code null} when the text is none of these (the caller says why). */
    public static ChannelRef parse(String text, SourceLocation at) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return t.isEmpty() ? null : new ChannelRef(t, 0, at);
        }
        String instrument = t.substring(0, slash).strip();
        String number = t.substring(slash + 1).strip();
        if (!instrument.isEmpty() && number.matches("\\d{1,6}(-\\d{1,6}){1,5}")) {
            return new ChannelRef(instrument, 0, at, number);
        }
        if (instrument.isEmpty() || !number.matches("\\d{1,6}") || Integer.parseInt(number) < 1) {
            return null;
        }
        return new ChannelRef(instrument, Integer.parseInt(number), at);
    }

    /** True for a channel of a cycler that runs its own programs ({@code nw/27-1-1-3}). */
    public boolean delegated() {
        return address != null;
    }

    /** As a lab file writes it. */
    public String text() {
        return address != null ? instrument + "/" + address : number == 0 ? instrument : instrument + "/" + number;
    }
}
