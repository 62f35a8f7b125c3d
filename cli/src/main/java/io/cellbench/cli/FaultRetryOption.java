package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.schedules.runner.FaultRetry;
import picocli.CommandLine.Option;

/** {@code --fault-retry TIME}: how long a failing instrument is retried before its cell faults. */
final class FaultRetryOption {
    @Option(names = "--fault-retry", paramLabel = "TIME",
            description = {"How long a failing instrument read is retried, with reconnects, before its cell",
                "goes to open circuit and ends FAULT (default: 60s; 0 gives up at once). The other",
                "cells are never affected. See docs/operations.md, \"Instrument faults\"."})
    String text;

    /** The option's value, or {@code fallback} when it was not given. */
    FaultRetry orElse(FaultRetry fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return FaultRetry.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fault-retry: " + e.getMessage());
        }
    }
}
