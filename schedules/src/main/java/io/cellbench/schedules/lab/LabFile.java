package io.cellbench.schedules.lab;

import io.cellbench.drivers.DriverFactory.Capability;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lab file, read and checked (see docs/drivers.md, "The lab file"): the lab's instruments
 * by name, in file order, and its named cycler channels.
 *
 * @param name        the {@code lab:} line, or the file name
 * @param source      the file, as given (for messages)
 * @param instruments {@code instruments:} by name
 * @param channels    {@code channels:} by name: an instrument, or a channel of a multi-channel cycler
 * @param virtualTime {@code virtual_time:} of a virtual lab in scaled time; null for real time
 */
public record LabFile(String name, String source, Map<String, LabInstrument> instruments,
                      Map<String, ChannelRef> channels, VirtualTime virtualTime) {

    public LabFile {
        instruments = Collections.unmodifiableMap(new LinkedHashMap<>(instruments));
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    /** A lab in real time. */
    public LabFile(String name, String source, Map<String, LabInstrument> instruments,
                   Map<String, ChannelRef> channels) {
        this(name, source, instruments, channels, null);
    }

    /**
     * The channel a schedule means by {@code name}: a {@code channels:} name, an instrument that
     * is a channel, or "instrument/N"; {@code null} when the lab has no such channel.
     */
    public ChannelRef channel(String name) {
        ChannelRef named = channels.get(name);
        if (named != null) {
            return named;
        }
        ChannelRef direct = ChannelRef.parse(name, null);
        return direct != null && instruments.containsKey(direct.instrument()) ? direct : null;
    }

    /** The names of the instruments that can do {@code capability}, in file order. */
    public List<String> namesWith(Capability capability) {
        return instruments.values().stream().filter(i -> i.can(capability)).map(LabInstrument::name).toList();
    }
}
