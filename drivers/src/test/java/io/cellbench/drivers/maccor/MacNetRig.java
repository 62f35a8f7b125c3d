package io.cellbench.drivers.maccor;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.LabClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A MacNet simulator with formed coin cells on a stepped clock, and driver settings for it. */
final class MacNetRig implements AutoCloseable {
    static final double START = 1.7e9;

    final SharedVirtualClock clock = new SharedVirtualClock(START);
    final MacNetSimulator sim;
    final int port;

    MacNetRig(int channels, MacNetSimulator.Options options) throws IOException {
        this(channels, options, null);
    }

    /** Channels on {@code shared} instead of the stepped clock (time that passes by itself). */
    MacNetRig(int channels, MacNetSimulator.Options options, LabClock shared) throws IOException {
        List<SimulatedCell> cells = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            cells.add(formedCoin(0.5));
        }
        sim = new MacNetSimulator("maccor-sim", cells, Collections.<LabClock>nCopies(channels,
                shared == null ? clock : shared), options);
        port = sim.startTcp();
    }

    static SimulatedCell formedCoin(double soc) {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.completeFormation();
        cell.restAt(soc);
        return cell;
    }

    /** No watchdog, no pacing: for tests about something else. */
    static MacNetSimulator.Options relaxed() {
        return new MacNetSimulator.Options(Duration.ZERO, Duration.ZERO);
    }

    /** Driver settings: fast pacing, short timeouts, limits to suit a coin cell. */
    MaccorSettings settings() {
        return MaccorSettings.tcp("127.0.0.1", port)
                .withPacing(Duration.ofMinutes(10), Duration.ofMillis(1))
                .withTimeout(Duration.ofMillis(500), 1)
                .withLimits(0.02, 4.5, 0.06); // the simulated coin-cell channel's range 4 is 20 mA
    }

    /** A rest as the driver commands it by default: charging at 0 A (pymacnet's way; 'R' is unverified over JSON). */
    static void assertResting(ChannelCommand command) {
        if (!(command instanceof ChannelCommand.Current c && c.ampere() == 0)) {
            throw new AssertionError("expected the channel to rest at 0 A, it does " + command);
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
