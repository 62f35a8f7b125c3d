package io.cellbench.drivers.palmsens;

import java.util.Map;

/**
 * A MethodSCRIPT device, as the start of its firmware version names it (PalmSens'
 * Example_Python/.../instrument.py maps these prefixes), with the serial speed PalmSens
 * documents for it: 230400 baud for the EmStat Pico and Sensit, 921600 for the EmStat4 and
 * Nexus (Example_C/README.adoc, "Communications"), except an EmStat4 on firmware 1.1 or older,
 * which runs at 230400 (Example_C/.../src/example.c: "For the EmStat4: 921600 (230400 for FW
 * &lt;= 1.1)").
 */
public enum DeviceType {
    SENSIT_WEARABLE("senswb", "Sensit Wearable"),
    EMSTAT_PICO("espico", "EmStat Pico"),
    EMSTAT4_HR("es4_hr", "EmStat4 HR"),
    EMSTAT4_LR("es4_lr", "EmStat4 LR"),
    MULTI_EMSTAT4_HR("mes4hr", "MultiEmStat4 HR"),
    MULTI_EMSTAT4_LR("mes4lr", "MultiEmStat4 LR"),
    EMSTAT_PICO_BOOTLOADER("espbl", "EmStat Pico bootloader"),
    NEXUS("nexus1", "Nexus"),
    UNKNOWN("", "unknown device");

    public static final int SLOW_BAUD = 230400;
    public static final int FAST_BAUD = 921600;

    private final String prefix;
    private final String label;

    DeviceType(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    /** The type a firmware version string ("es4_hr2.1 …") starts with. */
    public static DeviceType of(String firmware) {
        for (DeviceType t : values()) {
            if (t != UNKNOWN && firmware.startsWith(t.prefix)) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** PalmSens' name ("EmStat4 HR"). */
    public String label() {
        return label;
    }

    boolean emstat4() {
        return this == EMSTAT4_HR || this == EMSTAT4_LR || this == MULTI_EMSTAT4_HR || this == MULTI_EMSTAT4_LR;
    }

    /**
     * The baud rate PalmSens documents for this type on firmware {@code version} ("2.1"; null
     * when unknown), or 0 when it documents none.
     */
    public int documentedBaud(String version) {
        if (emstat4()) {
            return version != null && olderThan(version, 1, 2) ? SLOW_BAUD : FAST_BAUD;
        }
        return switch (this) {
            case NEXUS -> FAST_BAUD;
            case EMSTAT_PICO, SENSIT_WEARABLE -> SLOW_BAUD;
            default -> 0;
        };
    }

    /** The version number after the type's prefix ("es4_hr2.1 #…" → "2.1"), or null. */
    public String version(String firmware) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\D*(\\d+(?:\\.\\d+)*)").matcher(
                firmware.substring(Math.min(prefix.length(), firmware.length())));
        return m.find() ? m.group(1) : null;
    }

    private static boolean olderThan(String version, int major, int minor) {
        String[] parts = version.split("\\.");
        int ma = Integer.parseInt(parts[0]);
        int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return ma < major || ma == major && mi < minor;
    }

    /**
     * The name of current range {@code index} from a package's {@code 2xx} metadata, for this
     * type (ranges as PalmSens lists them in Example_Python/.../mscript.py), or null when unknown.
     * For the EmStat Pico the high bit (0x80) marks a high-speed range.
     */
    public String currentRange(int index) {
        if (this == EMSTAT_PICO || this == SENSIT_WEARABLE) {
            return PICO_RANGES.get(index);
        }
        return emstat4() ? EMSTAT4_RANGES.get(index) : null;
    }

    private static final Map<Integer, String> PICO_RANGES = Map.ofEntries(
            Map.entry(0, "100 nA"), Map.entry(1, "2 uA"), Map.entry(2, "4 uA"), Map.entry(3, "8 uA"),
            Map.entry(4, "16 uA"), Map.entry(5, "32 uA"), Map.entry(6, "63 uA"), Map.entry(7, "125 uA"),
            Map.entry(8, "250 uA"), Map.entry(9, "500 uA"), Map.entry(10, "1 mA"), Map.entry(11, "5 mA"),
            Map.entry(0x80, "100 nA (high speed)"), Map.entry(0x81, "1 uA (high speed)"),
            Map.entry(0x82, "6 uA (high speed)"), Map.entry(0x83, "13 uA (high speed)"),
            Map.entry(0x84, "25 uA (high speed)"), Map.entry(0x85, "50 uA (high speed)"),
            Map.entry(0x86, "100 uA (high speed)"), Map.entry(0x87, "200 uA (high speed)"),
            Map.entry(0x88, "1 mA (high speed)"), Map.entry(0x89, "5 mA (high speed)"));

    private static final Map<Integer, String> EMSTAT4_RANGES = Map.of(3, "1 nA", 6, "10 nA", 9, "100 nA", 12, "1 uA",
            15, "10 uA", 18, "100 uA", 21, "1 mA", 24, "10 mA", 27, "100 mA");
}
