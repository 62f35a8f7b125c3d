package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.Step;

/**
 * Turns a drive step into what the channel is told. Signs follow the Battery Data Format:
 * + on charge, − on discharge. Constant current and power are clamped to the safety voltage
 * window by the channel itself; constant voltage is limited to the smaller of the channel's
 * rating and the safety current limit in the step's direction.
 */
final class DriveCommands {

    private DriveCommands() {
    }

    /** The signed current of a CURRENT or C_RATE step, in A. */
    static double sourceAmpere(Step.Drive d, CellInfo cell) {
        double magnitude = d.control() == Step.Control.C_RATE ? d.value() * cell.nominalCapacityAh() : d.value();
        return d.kind() == Step.DriveKind.DISCHARGE ? -magnitude : magnitude;
    }

    /** The command for the step's (first) phase. */
    static ChannelCommand command(Step.Drive d, CellInfo cell, SafetyWindow window, double channelMaxAmpere) {
        double sign = d.kind() == Step.DriveKind.DISCHARGE ? -1 : 1;
        return switch (d.control()) {
            case CURRENT, C_RATE -> new ChannelCommand.Current(sourceAmpere(d, cell),
                    window.voltage().min(), window.voltage().max());
            case POWER -> new ChannelCommand.Power(sign * d.value(), window.voltage().min(), window.voltage().max());
            case RESISTANCE -> new ChannelCommand.Resistance(d.value());
            case VOLTAGE -> new ChannelCommand.Voltage(d.value(), voltageLimitAmpere(d.kind(), window, channelMaxAmpere));
        };
    }

    /** The |current| a constant-voltage phase may draw: channel rating and safety limit in the step's direction. */
    static double voltageLimitAmpere(Step.DriveKind kind, SafetyWindow window, double channelMaxAmpere) {
        double charge = window.current().max();
        double discharge = -window.current().min();
        double safety = switch (kind) {
            case CHARGE -> charge;
            case DISCHARGE -> discharge;
            case HOLD -> Math.min(charge, discharge);
        };
        return Math.min(channelMaxAmpere, safety);
    }
}
