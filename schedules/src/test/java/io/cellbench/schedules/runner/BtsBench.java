package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.drivers.neware.NewareBts;
import io.cellbench.drivers.neware.NewareBtsSettings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.neware.BtsSimulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A BTS simulator in scaled time with one coin cell, and the neware-bts driver connected to it over TCP. */
final class BtsBench implements AutoCloseable {
    final ScaledClock clock;
    final SimulatedCell cell = new SimulatedCell(CellParameters.coin().withVariation(3));
    final BtsSimulator sim;
    final NewareBts bts;

    BtsBench(Path share, double speed) throws Exception {
        clock = new ScaledClock(System.currentTimeMillis() / 1000.0, speed);
        sim = new BtsSimulator("bts", List.of(cell), clock, BtsSimulator.Options.of(share).withTick(1));
        sim.startTcp();
        bts = NewareBts.open("bts", NewareBtsSettings.tcp("127.0.0.1", sim.tcpPort())
                .withShare(share, "C:\\cellbench\\steps").withTimeout(Duration.ofSeconds(30), 2));
    }

    /**
     * A protocol called {@code name} for the bench's coin cell in its voltage window (1.8 to 3.8 V:
     * the compiled step file's protection) with {@code steps}, YAML list lines.
     */
    static Protocol protocol(String name, String steps) {
        return ProtocolLoader.parse("name: " + name + "\nlimits:\n  voltage: [1.8 V, 3.8 V]\nsteps:\n" + steps,
                name + ".yaml");
    }

    DelegatedRunner runner(Protocol protocol, RunListener listener) {
        return runner(protocol, listener, null, null);
    }

    /** A fresh run of {@code protocol} on the channel, the cell in {@code fixture} and {@code chamber} (or null). */
    DelegatedRunner runner(Protocol protocol, RunListener listener, PressureFixture fixture, TemperatureChamber chamber) {
        return runner(protocol, listener, fixture, chamber, null);
    }

    /** The same, with the schedule's interlocks ({@code coordination}, or null for none). */
    DelegatedRunner runner(Protocol protocol, RunListener listener, PressureFixture fixture, TemperatureChamber chamber,
                           Coordination coordination) {
        CellInfo info = cell.parameters().toCellInfo("nw-cell");
        return new DelegatedRunner(new DelegatedSetup(info, protocol, new ProgramLink(bts.channel("27-21-1-1")),
                null, 0, clock, listener, coordination, null, null, fixture, chamber));
    }

    @Override
    public void close() {
        try {
            bts.close();
        } finally {
            sim.close();
        }
    }
}
