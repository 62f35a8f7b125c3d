package io.cellbench.schedules.schedule;

import io.cellbench.protocols.model.SourceLocation;
import java.time.Instant;
import java.util.List;

/**
 * Which instruments of the lab serve a cell, as its schedule entry names them. Every name is
 * a lab-file name ({@code null} when the entry leaves it out); locations point at the value
 * in the schedule file so a name missing from the lab file is reported there.
 *
 * <pre>
 *   channel: smu-1          # one channel: an instrument, or "bank/3" for channel 3 of a multi-channel cycler
 *   pool: bank-a            # or a pool of channels (the schedule's pools:); the cell waits for a free one
 *   eis: eis-1              # the EIS analyzer, shared through its multiplexer
 *   mux_channel: 3          # its multiplexer channel (1-based); assigned in schedule order when left out
 *   fixture: press-1        # the pressure fixture
 *   chamber: oven-1         # the temperature chamber
 *   start: {after: c01, at: 2026-12-05T20:00:00Z}
 * </pre>
 */
public record Wiring(
        Named channel,
        Named pool,
        Named eis,
        Integer muxChannel,
        Named fixture,
        Named chamber,
        StartCondition start) {

    /** No lab instruments named: a simulated cell gets instruments of its own. */
    public static final Wiring NONE = new Wiring(null, null, null, null, null, null, StartCondition.NOW);

    /** A lab-file name as written in the schedule, and where. */
    public record Named(String name, SourceLocation at) {
    }

    /** When a cell may start: after other cells have ended, not before a moment; both optional. */
    public record StartCondition(List<Named> after, Instant notBefore) {
        public static final StartCondition NOW = new StartCondition(List.of(), null);

        public StartCondition {
            after = after == null ? List.of() : List.copyOf(after);
        }
    }

    /** The same wiring with the channel a pool assigned. */
    public Wiring withChannel(Named assigned) {
        return new Wiring(assigned, pool, eis, muxChannel, fixture, chamber, start);
    }
}
