package io.cellbench.drivers.modbus;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.SettingReader;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A modbus-chamber entry of a lab file, checked.
 *
 * @param link        how the controller is reached
 * @param temperature the actual (air or plate) temperature register
 * @param setpoint    the setpoint register, read and written
 * @param run         a coil or holding register switched on with each setpoint, or null
 * @param minCelsius  the lowest setpoint cellbench may send
 * @param maxCelsius  the highest setpoint cellbench may send
 */
public record ModbusChamberSettings(ModbusLinkSettings link, Register temperature, Register setpoint, Register run,
                                    double minCelsius, double maxCelsius) {

    static final Set<String> KEYS;
    static final Set<String> REGISTERS = Set.of("temperature", "setpoint", "run");
    private static final Set<Dimension> TEMPERATURE = EnumSet.of(Dimension.TEMPERATURE);

    static {
        Set<String> keys = new HashSet<>(ModbusLinkSettings.KEYS);
        keys.addAll(Set.of("min_temperature", "max_temperature"));
        KEYS = Set.copyOf(keys);
    }

    public ModbusChamberSettings {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(setpoint, "setpoint");
        if (!(minCelsius < maxCelsius)) {
            throw new IllegalArgumentException("min_temperature must be below max_temperature");
        }
    }

    /**
     * Reads an entry. Registers {@code temperature} and {@code setpoint} are required (unit °C
     * unless given), {@code run} is optional. Defaults: {@code min_temperature: -40 °C},
     * {@code max_temperature: 150 °C}, and the link's.
     */
    public static ModbusChamberSettings from(InstrumentConfig config) {
        SettingReader s = new SettingReader(config);
        s.requireOnly(KEYS);
        ModbusLinkSettings link = ModbusLinkSettings.from(s);
        RegisterMapReader map = new RegisterMapReader(config);
        map.requireOnly(REGISTERS);
        Register temperature = map.read("temperature", EnumSet.of(RegisterTable.HOLDING, RegisterTable.INPUT),
                TEMPERATURE, "°C");
        Register setpoint = map.read("setpoint", EnumSet.of(RegisterTable.HOLDING), TEMPERATURE, "°C");
        Register run = map.has("run")
                ? map.read("run", EnumSet.of(RegisterTable.COIL, RegisterTable.HOLDING), Set.of(), null) : null;
        double min = celsius(s, "min_temperature", -40);
        double max = celsius(s, "max_temperature", 150);
        if (!(min < max)) {
            throw new DriverConfigException(config, "min_temperature", "must be below max_temperature (" + max + " °C)");
        }
        return new ModbusChamberSettings(link, temperature, setpoint, run, min, max);
    }

    private static double celsius(SettingReader s, String key, double otherwise) {
        if (!s.has(key)) {
            return otherwise;
        }
        String t = s.text(key);
        try {
            return io.cellbench.core.quantity.Quantity.parse(t, Dimension.TEMPERATURE).in("°C");
        } catch (io.cellbench.core.quantity.QuantityParseException e) {
            throw new DriverConfigException(s.config(), key, "must be a temperature such as '60 °C', got '" + t + "'");
        }
    }
}
