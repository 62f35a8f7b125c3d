package io.cellbench.core.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Battery Data Format release an export follows. cellbench records and exports 1.3.0; 1.2
 * is the layout it wrote before (see docs/data.md, "Migrating to BDF 1.3"), kept for readers
 * that have not moved yet: {@code step_index} for the program step, charging/discharging
 * capacity and energy restarting each cycle, {@code step_capacity_ah}/{@code step_energy_wh},
 * no Step Record Index.
 */
public enum BdfVersion {
    V1_2("1.2.0"),
    V1_3("1.3.0");

    public static final BdfVersion LATEST = V1_3;

    private final String number;

    BdfVersion(String number) {
        this.number = number;
    }

    /** The release number, e.g. "1.3.0". */
    public String number() {
        return number;
    }

    /** "1.3.0", "1.3" or "1.2": a release cellbench writes; otherwise an IllegalArgumentException naming them. */
    public static BdfVersion parse(String text) {
        for (BdfVersion v : values()) {
            if (v.number.equals(text) || v.number.equals(text + ".0")) {
                return v;
            }
        }
        throw new IllegalArgumentException("no BDF version '" + text + "': cellbench writes "
                + Arrays.stream(values()).map(BdfVersion::number).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return number;
    }
}
