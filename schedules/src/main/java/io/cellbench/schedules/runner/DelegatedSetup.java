package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.time.LabClock;
import io.cellbench.protocols.model.Protocol;
import java.util.Objects;

/**
 * What a {@link DelegatedRunner} needs: the cell, its protocol, the channel that runs the
 * compiled programs, the analyzer its impedance steps run on (or null), the run's clock and
 * listener, the cell's place among the others, and its journal.
 *
 * @param journal    hears where the run stands, or null
 * @param resumeFrom the journaled position of an interrupted run, or null for a fresh one
 */
public record DelegatedSetup(CellInfo cell, Protocol protocol, ProgramLink program, EisAnalyzer eisAnalyzer,
                             int muxChannel, LabClock clock, RunListener listener, Coordination coordination,
                             PositionListener journal, RunPosition resumeFrom) {
    public DelegatedSetup {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        coordination = coordination == null ? Coordination.NONE : coordination;
    }
}
