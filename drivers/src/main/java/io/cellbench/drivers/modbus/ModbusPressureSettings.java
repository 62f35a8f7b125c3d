package io.cellbench.drivers.modbus;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.SettingReader;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A modbus-pressure entry of a lab file, checked.
 *
 * @param link      how the device is reached
 * @param reading   the register read for the stack pressure: {@code force} (a load cell, divided by
 *                  the area) or {@code pressure} (read as it is)
 * @param areaM2    the cell's area, m² (needed with a force register or a force setpoint), or NaN
 * @param setpoint  the press's setpoint register (force or pressure), or null for a passive fixture
 * @param enable    a coil or holding register switched on after each setpoint, or null
 * @param status    a status word read with each reading, or null
 * @param faultBits bits of the status word that mean a fault (the reading fails while any is set); 0,
 *                  the default, names none: which bits mean a fault is the device's own, and an
 *                  ordinary bit ("enabled", "in position") must not fail a reading
 * @param maxPa     the largest pressure cellbench may ask the press for
 */
public record ModbusPressureSettings(ModbusLinkSettings link, Register reading, double areaM2, Register setpoint,
                                     Register enable, Register status, int faultBits, double maxPa) {

    static final Set<String> KEYS;
    static final Set<String> REGISTERS = Set.of("force", "pressure", "setpoint", "enable", "status");
    private static final Set<Dimension> FORCE_OR_PRESSURE = EnumSet.of(Dimension.FORCE, Dimension.PRESSURE);
    private static final Set<RegisterTable> WORDS = EnumSet.of(RegisterTable.HOLDING, RegisterTable.INPUT);

    static {
        Set<String> keys = new HashSet<>(ModbusLinkSettings.KEYS);
        keys.addAll(Set.of("area", "fault_bits", "max_pressure"));
        KEYS = Set.copyOf(keys);
    }

    public ModbusPressureSettings {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(reading, "reading");
        if (needsArea(reading) || (setpoint != null && needsArea(setpoint))) {
            if (!(areaM2 > 0)) {
                throw new IllegalArgumentException("a force register needs the cell's area");
            }
        }
    }

    /** Whether the register holds a force (so pressure = force / area). */
    static boolean needsArea(Register r) {
        return r.unit() != null && r.unit().dimension() == Dimension.FORCE;
    }

    /**
     * Reads an entry. Registers: exactly one of {@code force} or {@code pressure}; optional
     * {@code setpoint}, {@code enable}, {@code status}. Defaults: unit N (force) or Pa
     * (pressure), no fault bits, {@code max_pressure: 200 MPa}, and the link's.
     */
    public static ModbusPressureSettings from(InstrumentConfig config) {
        SettingReader s = new SettingReader(config);
        s.requireOnly(KEYS);
        ModbusLinkSettings link = ModbusLinkSettings.from(s);
        RegisterMapReader map = new RegisterMapReader(config);
        map.requireOnly(REGISTERS);
        if (map.has("force") == map.has("pressure")) {
            throw new DriverConfigException(config, "registers", map.has("force")
                    ? "has both 'force' and 'pressure'; give one (the reading cellbench takes)"
                    : "needs 'force' (a load cell, with 'area') or 'pressure' (read as it is)");
        }
        Register reading = map.has("force")
                ? map.read("force", WORDS, EnumSet.of(Dimension.FORCE), "N")
                : map.read("pressure", WORDS, EnumSet.of(Dimension.PRESSURE), "Pa");
        Register setpoint = map.has("setpoint")
                ? map.read("setpoint", EnumSet.of(RegisterTable.HOLDING), FORCE_OR_PRESSURE, reading.unit().symbol())
                : null;
        if (setpoint != null && setpoint.type() == RegisterType.BIT) {
            throw new DriverConfigException(config, "registers.setpoint", "must be a holding register");
        }
        Register enable = map.has("enable")
                ? map.read("enable", EnumSet.of(RegisterTable.COIL, RegisterTable.HOLDING), Set.of(), null) : null;
        Register status = map.has("status") ? map.read("status", EnumSet.of(RegisterTable.HOLDING, RegisterTable.INPUT,
                RegisterTable.COIL), Set.of(), null) : null;
        if (enable != null && setpoint == null) {
            throw new DriverConfigException(config, "registers.enable", "needs a 'setpoint' register (a press)");
        }
        double area = Double.NaN;
        if (needsArea(reading) || (setpoint != null && needsArea(setpoint))) {
            if (!s.has("area")) {
                throw new DriverConfigException(config, "area", "is missing: a force register needs the cell's area"
                        + " to give a pressure, e.g. 'area: 1.13 cm^2'");
            }
            area = s.positive("area", Dimension.AREA, Double.NaN, 1);
        } else if (s.has("area")) {
            throw new DriverConfigException(config, "area", "is only used with a force register; this entry reads"
                    + " pressure directly");
        }
        return new ModbusPressureSettings(link, reading, area, setpoint, enable, status,
                faultBits(s, config), s.positive("max_pressure", Dimension.PRESSURE, 200e6, 10e9));
    }

    private static int faultBits(SettingReader s, InstrumentConfig config) {
        if (!s.has("fault_bits")) {
            return 0;
        }
        String t = s.text("fault_bits").toLowerCase(Locale.ROOT);
        try {
            int v = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            if (v >= 0 && v <= 0xFFFF) {
                return v;
            }
        } catch (NumberFormatException e) {
            // message below
        }
        throw new DriverConfigException(config, "fault_bits", "must be a 16-bit mask such as 0x0004, got '"
                + s.text("fault_bits") + "'");
    }

    /** For messages: "50 MPa". */
    static String mpa(double pa) {
        return String.format(Locale.ROOT, "%.6g MPa", pa / 1e6);
    }
}
