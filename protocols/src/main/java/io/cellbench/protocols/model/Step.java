package io.cellbench.protocols.model;

import java.util.List;

/**
 * One step of a protocol, as written. The runner interprets these with an exhaustive
 * switch; adding a kind here makes every such switch fail to compile until it is handled.
 */
public sealed interface Step permits Step.Rest, Step.Drive, Step.Eis, Step.SetPressure, Step.SetTemperature, Step.Repeat {

    SourceLocation at();

    /** The step sentence as written in the file. */
    String text();

    /** Open circuit until a duration or termination. */
    record Rest(SourceLocation at, String text, Double durationSecond, List<Termination> until,
                Double periodSecond) implements Step {
        public Rest {
            until = List.copyOf(until);
        }
    }

    /**
     * Charge, discharge or hold at a set point. {@code durationSecond} is the "for" limit
     * (null when absent); {@code until} are OR-ed terminations; {@code thenHold} is the CV
     * phase of a CC-CV step (null when absent). {@code value} is a positive magnitude in
     * the control's SI unit (A, C, W, Ohm, V); direction comes from {@code kind}.
     */
    record Drive(SourceLocation at, String text, DriveKind kind, Control control, double value,
                 Double durationSecond, List<Termination> until, CvHold thenHold,
                 Double periodSecond) implements Step {
        public Drive {
            until = List.copyOf(until);
        }
    }

    /** An impedance sweep (PEIS when the amplitude is a voltage, GEIS when a current). */
    record Eis(SourceLocation at, String text, EisMode mode, double startHz, double endHz,
               double amplitude, int pointsPerDecade) implements Step {
    }

    /** Commands the press; optionally waits until the pressure is stable within tolerance. */
    record SetPressure(SourceLocation at, String text, double pascal, boolean waitUntilStable) implements Step {
    }

    /** Commands the chamber; optionally waits until the temperature is reached. */
    record SetTemperature(SourceLocation at, String text, double celsius, boolean waitUntilStable) implements Step {
    }

    /** {@code Repeat N times:} a block of steps, possibly nested. */
    record Repeat(SourceLocation at, String text, int times, List<Step> steps) implements Step {
        public Repeat {
            steps = List.copyOf(steps);
        }
    }

    enum DriveKind { CHARGE, DISCHARGE, HOLD }

    enum Control { CURRENT, C_RATE, POWER, RESISTANCE, VOLTAGE }

    enum EisMode { POTENTIOSTATIC, GALVANOSTATIC }

    /** The constant-voltage phase of a CC-CV step: hold {@code volt} until a termination. */
    record CvHold(double volt, List<Termination> until) {
        public CvHold {
            until = List.copyOf(until);
        }
    }
}
