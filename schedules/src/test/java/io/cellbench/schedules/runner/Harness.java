package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.protocols.model.Protocol;
import java.util.function.UnaryOperator;

/** One fake cell on a virtual clock, a recording listener and a way to run protocols on them. */
final class Harness {
    static final double T0 = 1_700_000_000.0;
    static final CellInfo CELL = new CellInfo("C1", "coin", "NMC811|Li6PS5Cl|Li-In", 0.002, Double.NaN, Double.NaN, "");

    final VirtualClock clock = new VirtualClock(T0);
    final FakeCellChannel cell = FakeCellChannel.standard(clock);
    final RecordingListener events = new RecordingListener();
    ProtocolRunner runner;

    RunEvent.Outcome run(Protocol protocol) {
        return run(protocol, b -> b);
    }

    RunEvent.Outcome run(Protocol protocol, UnaryOperator<CellSetup.Builder> extra) {
        return run(protocol, cell, clock, extra);
    }

    RunEvent.Outcome run(Protocol protocol, CyclerChannel channel, LabClock lab, UnaryOperator<CellSetup.Builder> extra) {
        runner = new ProtocolRunner(extra.apply(CellSetup.builder(CELL, protocol, channel, lab, events)).build());
        return runner.run();
    }

    /** Test time of the run now. */
    double testTime() {
        return clock.nowUnixSeconds() - T0;
    }
}
