package io.cellbench.drivers.keithley;

/**
 * How a Keithley 2450 rests a cell ({@link io.cellbench.core.instrument.ChannelCommand.OpenCircuit}).
 */
public enum RestMode {
    /**
     * The output stays on as a 0 A current source: no current flows and the cell's open-circuit
     * voltage is measured on every read, as a battery cycler does at rest (GITT relaxation,
     * dV/dt terminations and the safety window need it). The output relay is not cycled, which
     * the 2450 manual asks for when the output is switched often.
     */
    ZERO_CURRENT("zero-current"),
    /**
     * {@code :OUTP OFF} with the high-impedance output-off state: the output relay opens and
     * disconnects the cell. The instrument then cannot measure it, so readings during the rest
     * carry NaN for the voltage (and 0 A): the "not measured" reading of
     * {@link io.cellbench.core.instrument.ChannelReading#disconnected()}, which the runner records
     * as such. A rest that must end on the voltage cannot end here. For long storage rests.
     */
    OPEN_RELAY("open-relay");

    private final String settingName;

    RestMode(String settingName) {
        this.settingName = settingName;
    }

    /** The lab-file spelling. */
    public String settingName() {
        return settingName;
    }
}
