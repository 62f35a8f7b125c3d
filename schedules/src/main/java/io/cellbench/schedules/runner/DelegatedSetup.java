package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import io.cellbench.protocols.model.Protocol;
import java.util.Objects;

/**
 * What a {@link DelegatedRunner} needs: the cell, its protocol, the channel that runs the
 * compiled programs, the analyzer its impedance steps run on (or null), the run's clock and
 * listener, the cell's place among the others, its journal, and the fixture and chamber its
 * samples take stack pressure and ambient temperature from.
 *
 * @param journal         hears where the run stands, or null
 * @param resumeFrom      the journaled position of an interrupted run, or null for a fresh one
 * @param pressureFixture the cell's fixture, or null
 * @param chamber         the chamber the cell sits in, or null
 */
public record DelegatedSetup(CellInfo cell, Protocol protocol, ProgramLink program, EisAnalyzer eisAnalyzer,
                             int muxChannel, LabClock clock, RunListener listener, Coordination coordination,
                             PositionListener journal, RunPosition resumeFrom, PressureFixture pressureFixture,
                             TemperatureChamber chamber) {
    public DelegatedSetup {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        coordination = coordination == null ? Coordination.NONE : coordination;
    }

    /** A cell with no fixture and no chamber. */
    public DelegatedSetup(CellInfo cell, Protocol protocol, ProgramLink program, EisAnalyzer eisAnalyzer,
                          int muxChannel, LabClock clock, RunListener listener, Coordination coordination,
                          PositionListener journal, RunPosition resumeFrom) {
        this(cell, protocol, program, eisAnalyzer, muxChannel, clock, listener, coordination, journal, resumeFrom,
                null, null);
    }
}
