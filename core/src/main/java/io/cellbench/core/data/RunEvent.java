package io.cellbench.core.data;

/**
 * What leaves a running test. Every sink (Arrow files, InfluxDB, console, status page)
 * subscribes to these; the runner knows no sink.
 */
public sealed interface RunEvent {

    /** The cell the event belongs to. */
    String cellId();

    /** A cell's test begins (or resumes, when {@code resumed}). */
    record RunStarted(String cellId, double unixTimeSecond, CellInfo cell, String protocolName,
                      String protocolSource, boolean resumed) implements RunEvent {
    }

    /** A step begins. {@code description} is the step's text as written. */
    record StepStarted(String cellId, double testTimeSecond, int stepCount, int stepIndex,
                       int cycleCount, String description) implements RunEvent {
    }

    record SampleRecorded(String cellId, Sample sample) implements RunEvent {
    }

    /** A step ends; {@code reason} says which termination fired ("voltage >= 4.2 V", "time"). */
    record StepEnded(String cellId, double testTimeSecond, int stepCount, int stepIndex,
                     String reason) implements RunEvent {
    }

    record SpectrumMeasured(String cellId, Spectrum spectrum) implements RunEvent {
    }

    /** Something an operator should know about; severity INFO, WARNING or ALARM. */
    record Notice(String cellId, double testTimeSecond, Severity severity, String message) implements RunEvent {
    }

    /** The test of one cell is over, for the given reason. */
    record RunEnded(String cellId, double testTimeSecond, Outcome outcome, String message) implements RunEvent {
    }

    enum Severity { INFO, WARNING, ALARM }

    enum Outcome {
        /** Every step ran to its end. */
        COMPLETED,
        /** A safety limit was crossed; the channel was put at open circuit. */
        SAFETY_TRIP,
        /** An instrument failed and could not be recovered; the channel was made safe. */
        FAULT,
        /** An operator stopped it. */
        STOPPED
    }
}
