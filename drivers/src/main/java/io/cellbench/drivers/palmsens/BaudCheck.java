package io.cellbench.drivers.palmsens;

import io.cellbench.core.instrument.VerifiedFact;
import java.util.ArrayList;
import java.util.List;

/**
 * How the link to a PalmSens came up, and what {@code cellbench probe} reports of it: the
 * device type and firmware the device named ({@code t}), and, on a serial line, the baud rate
 * that answered against the one configured and the one PalmSens documents for that firmware.
 *
 * @param configured the lab file's baud rate, or 0 for a TCP bridge (no baud rate here)
 * @param answered   the baud rate the device answered at (0 for TCP)
 */
record BaudCheck(int configured, int answered) {

    static final BaudCheck TCP = new BaudCheck(0, 0);

    /** The facts for a device that named itself {@code firmware}. */
    List<VerifiedFact> facts(String firmware) {
        List<VerifiedFact> facts = new ArrayList<>();
        DeviceType type = DeviceType.of(firmware);
        String version = type.version(firmware);
        facts.add(type == DeviceType.UNKNOWN
                ? VerifiedFact.warn("device", type.label(), "the firmware '" + firmware + "' names no device type"
                        + " PalmSens' examples know (es4_hr, es4_lr, espico, nexus1 …)")
                : VerifiedFact.ok("device", type.label()));
        facts.add(VerifiedFact.ok("firmware", firmware));
        if (configured == 0) {
            facts.add(VerifiedFact.ok("baud rate", "not set here (tcp: the serial side is the bridge's)"));
            return List.copyOf(facts);
        }
        int documented = type.documentedBaud(version);
        String forFirmware = type.label() + (version == null ? "" : " on firmware " + version);
        if (answered != configured) {
            facts.add(VerifiedFact.warn("baud rate", answered + " (" + configured + " got no answer)",
                    "set 'baud: " + answered + "' in the lab file" + (documented == answered
                            ? " (PalmSens documents " + answered + " for the " + forFirmware + ")" : "")));
        } else if (documented != 0 && documented != answered) {
            facts.add(VerifiedFact.warn("baud rate", String.valueOf(answered), "PalmSens documents " + documented
                    + " baud for the " + forFirmware));
        } else {
            facts.add(VerifiedFact.ok("baud rate", answered + (documented == answered
                    ? " (as PalmSens documents for the " + forFirmware + ")" : "")));
        }
        return List.copyOf(facts);
    }
}
