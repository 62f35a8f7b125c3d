package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;

/**
 * What every kind of step works with: the runner (a step's start and end, commands to the
 * channel, events, the journaled phase) and the cell's sampling parts. The step classes
 * ({@link DriveStep}, {@link ImpedanceStep}, {@link SettleSteps}, {@link SharedWaiting}) run
 * on the cell's thread, as the runner's interpreter calls them.
 */
abstract class StepKind {
    /** The parts a runner hands to its step classes, made once per run. */
    record Parts(ProtocolRunner runner, Sampler sampler, Counters counters, LiveStatus status, Holds holds,
                 StepNumbering numbering, SafetyWindow window, CellSetup setup) {
    }

    final ProtocolRunner runner;
    final Sampler sampler;
    final SampleGrid grid;
    final Readings readings;
    final ChannelOutput output;
    final Counters counters;
    final LiveStatus status;
    final Holds holds;
    final StepNumbering numbering;
    final SafetyWindow window;
    final CellSetup setup;
    final CellInfo cell;

    StepKind(Parts parts) {
        this.runner = parts.runner();
        this.sampler = parts.sampler();
        this.grid = sampler.grid();
        this.readings = sampler.readings();
        this.output = sampler.output();
        this.counters = parts.counters();
        this.status = parts.status();
        this.holds = parts.holds();
        this.numbering = parts.numbering();
        this.window = parts.window();
        this.setup = parts.setup();
        this.cell = setup.cell();
    }
}
