package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import io.cellbench.protocols.model.Protocol;
import java.util.Objects;

/**
 * Everything one run needs: the cell, the protocol, the instruments wired to the cell, the
 * clock and where events go. Optional instruments are {@code null} when the cell has none.
 *
 * @param eisAnalyzer          impedance analyzer, or {@code null}
 * @param muxChannel           the analyzer's multiplexer channel for this cell (0 without a multiplexer)
 * @param pressureFixture      the cell's fixture, or {@code null}
 * @param chamber              the chamber the cell sits in, or {@code null}
 * @param auxiliaryPeriodSecond how often the fixture and the chamber are read (they change
 *                             slowly and may sit on slow links, so not on every sample)
 * @param faultPolicy          what to do when an instrument read fails
 * @param positionListener     hears where the run stands, to journal it; or {@code null}
 * @param resumeFrom           continue an interrupted run from this position; {@code null} starts afresh
 * @param coordination         shared analyzer queue, shared chamber, interlocks; {@link Coordination#NONE} for none
 */
public record CellSetup(
        CellInfo cell,
        Protocol protocol,
        CyclerChannel channel,
        EisAnalyzer eisAnalyzer,
        int muxChannel,
        PressureFixture pressureFixture,
        TemperatureChamber chamber,
        LabClock clock,
        RunListener listener,
        double auxiliaryPeriodSecond,
        ReadRetryPolicy faultPolicy,
        PositionListener positionListener,
        RunPosition resumeFrom,
        Coordination coordination) {

    /** Fixture and chamber reads every 5 s: quick enough for safety, cheap on a shared RS-485 bus. */
    public static final double DEFAULT_AUXILIARY_PERIOD_SECOND = 5;

    public CellSetup {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(faultPolicy, "faultPolicy");
        coordination = coordination == null ? Coordination.NONE : coordination;
        if (!(auxiliaryPeriodSecond > 0)) {
            throw new IllegalArgumentException("auxiliary read period must be > 0 s, got " + auxiliaryPeriodSecond);
        }
        if (muxChannel < 0) {
            throw new IllegalArgumentException("multiplexer channel must be >= 0, got " + muxChannel);
        }
    }

    public static Builder builder(CellInfo cell, Protocol protocol, CyclerChannel channel, LabClock clock,
                                  RunListener listener) {
        return new Builder(cell, protocol, channel, clock, listener);
    }

    /** Starts from the required parts; optional instruments are added one by one. */
    public static final class Builder {
        private final CellInfo cell;
        private final Protocol protocol;
        private final CyclerChannel channel;
        private final LabClock clock;
        private final RunListener listener;
        private EisAnalyzer eisAnalyzer;
        private int muxChannel;
        private PressureFixture pressureFixture;
        private TemperatureChamber chamber;
        private double auxiliaryPeriodSecond = DEFAULT_AUXILIARY_PERIOD_SECOND;
        private ReadRetryPolicy faultPolicy = ReadRetryPolicy.FAIL_FAST;
        private PositionListener positionListener;
        private RunPosition resumeFrom;
        private Coordination coordination = Coordination.NONE;

        private Builder(CellInfo cell, Protocol protocol, CyclerChannel channel, LabClock clock, RunListener listener) {
            this.cell = cell;
            this.protocol = protocol;
            this.channel = channel;
            this.clock = clock;
            this.listener = listener;
        }

        public Builder eis(EisAnalyzer analyzer, int mux) {
            this.eisAnalyzer = analyzer;
            this.muxChannel = mux;
            return this;
        }

        public Builder pressureFixture(PressureFixture fixture) {
            this.pressureFixture = fixture;
            return this;
        }

        public Builder chamber(TemperatureChamber temperatureChamber) {
            this.chamber = temperatureChamber;
            return this;
        }

        public Builder auxiliaryPeriodSecond(double seconds) {
            this.auxiliaryPeriodSecond = seconds;
            return this;
        }

        public Builder faultPolicy(ReadRetryPolicy policy) {
            this.faultPolicy = policy;
            return this;
        }

        public Builder positionListener(PositionListener journal) {
            this.positionListener = journal;
            return this;
        }

        /** Continues an interrupted run from {@code position} instead of starting afresh. */
        public Builder resumeFrom(RunPosition position) {
            this.resumeFrom = position;
            return this;
        }

        /** The shared analyzer queue, shared chamber and interlocks of the cell. */
        public Builder coordination(Coordination how) {
            this.coordination = how;
            return this;
        }

        public CellSetup build() {
            return new CellSetup(cell, protocol, channel, eisAnalyzer, muxChannel, pressureFixture, chamber,
                    clock, listener, auxiliaryPeriodSecond, faultPolicy, positionListener, resumeFrom, coordination);
        }
    }
}
