package io.cellbench.daq.run;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;

/**
 * One line of events.jsonl as {@link EventLogReader} reads it back: the run, step and notice
 * events of {@code RunEvent}, with what the log keeps of them (a run start keeps the protocol's
 * name, not the cell's details or the protocol's text, which run.json and DIR/inputs hold).
 * {@code unixTimeSecond} is NaN where the line has none.
 */
public sealed interface LoggedEvent {

    String cellId();

    /** Test time of the event; NaN for a run start, which the log stamps with unix time only. */
    double testTimeSecond();

    double unixTimeSecond();

    record RunStarted(String cellId, double unixTimeSecond, String protocolName, boolean resumed)
            implements LoggedEvent {
        @Override
        public double testTimeSecond() {
            return Double.NaN;
        }
    }

    record StepStarted(String cellId, double testTimeSecond, double unixTimeSecond, int stepCount,
                       int stepIndex, int cycleCount, String description) implements LoggedEvent {
    }

    record StepEnded(String cellId, double testTimeSecond, double unixTimeSecond, int stepCount,
                     int stepIndex, String reason) implements LoggedEvent {
    }

    record Notice(String cellId, double testTimeSecond, double unixTimeSecond, Severity severity,
                  String message) implements LoggedEvent {
    }

    record RunEnded(String cellId, double testTimeSecond, double unixTimeSecond, Outcome outcome,
                    String message) implements LoggedEvent {
    }
}
