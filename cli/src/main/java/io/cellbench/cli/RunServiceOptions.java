package io.cellbench.cli;

import io.cellbench.cli.control.NotifyOptions;
import io.cellbench.cli.serve.ServeOptions;
import io.cellbench.schedules.runner.FaultRetry;
import picocli.CommandLine.Mixin;

/**
 * The options of what serves a running session, shared by {@code run} and {@code demo}: where its
 * samples go besides the run directory (InfluxDB), who hears of alarms, the live page, how long an
 * instrument fault is retried, and the free space the run keeps.
 */
final class RunServiceOptions {
    @Mixin
    InfluxOptions influx;

    @Mixin
    NotifyOptions notify = new NotifyOptions();

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Mixin
    FaultRetryOption faultRetry = new FaultRetryOption();

    @Mixin
    MinFreeSpaceOption minFreeSpace = new MinFreeSpaceOption();

    FaultRetry retry() {
        return faultRetry.orElse(FaultRetry.DEFAULT);
    }

    long minFree() {
        return minFreeSpace.orElse(MinFreeSpaceOption.DEFAULT_BYTES);
    }
}
