package io.cellbench.drivers.modbus;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Unit;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.InstrumentConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code registers:} mapping of a Modbus lab entry. Each value is a mapping:
 * <pre>
 *   force: {function: input, address: 0x0000, type: float32, word_order: big, scale: 1, offset: 0, unit: N}
 *   run:   {function: coil, address: 0}
 * </pre>
 * {@code function} and {@code address} are required; {@code type} defaults to uint16 (a coil
 * is a bit), {@code word_order} to big, {@code scale} to 1, {@code offset} to 0 and
 * {@code unit} to the register's natural unit. Errors name the setting as
 * {@code registers.force.type}.
 */
final class RegisterMapReader {

    private static final Set<String> FIELDS = Set.of("function", "address", "type", "word_order", "scale", "offset", "unit");

    private final InstrumentConfig config;
    private final Map<String, Object> registers;

    RegisterMapReader(InstrumentConfig config) {
        this.config = config;
        this.registers = config.mapping("registers");
    }

    boolean has(String name) {
        return registers.containsKey(name);
    }

    /** Fails on a register name the driver does not know. */
    void requireOnly(Set<String> names) {
        for (String key : registers.keySet()) {
            if (!names.contains(key)) {
                throw new DriverConfigException(config, "registers." + key, "is not a register of driver '"
                        + config.driver() + "'; its registers are: " + String.join(", ", new TreeSet<>(names)));
            }
        }
    }

    /**
     * The register {@code name}.
     *
     * @param tables      the tables it may live in
     * @param dimensions  the dimensions its unit may have; empty for a plain number (no unit)
     * @param defaultUnit the unit when the entry names none (null for a plain number)
     */
    Register read(String name, Set<RegisterTable> tables, Set<Dimension> dimensions, String defaultUnit) {
        String key = "registers." + name;
        Object v = registers.get(name);
        if (v == null) {
            throw new DriverConfigException(config, key, "is missing");
        }
        if (!(v instanceof Map<?, ?> entry)) {
            throw new DriverConfigException(config, key, "must be a mapping such as {function: holding, address: 0x0010,"
                    + " type: float32}");
        }
        for (Object field : entry.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                throw new DriverConfigException(config, key + "." + field, "is not a register setting; they are: "
                        + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        RegisterTable table = choice(entry, key, "function", RegisterTable.values(), null);
        if (!tables.contains(table)) {
            List<String> allowed = new ArrayList<>();
            for (RegisterTable t : EnumSet.copyOf(tables)) {
                allowed.add(t.settingName());
            }
            throw new DriverConfigException(config, key + ".function", "must be " + String.join(" or ", allowed)
                    + " for this register, got '" + table.settingName() + "'");
        }
        int address = address(entry, key);
        if (table == RegisterTable.COIL) {
            for (String f : List.of("type", "word_order", "scale", "offset", "unit")) {
                if (entry.containsKey(f) && !(f.equals("type") && "bit".equals(text(entry, key, f)))) {
                    throw new DriverConfigException(config, key + "." + f, "does not apply to a coil (one on/off bit)");
                }
            }
            return Register.coil(name, address);
        }
        RegisterType type = choice(entry, key, "type", new RegisterType[] {RegisterType.INT16, RegisterType.UINT16,
                RegisterType.INT32, RegisterType.UINT32, RegisterType.FLOAT32}, RegisterType.UINT16);
        WordOrder order = choice(entry, key, "word_order", WordOrder.values(), WordOrder.BIG);
        if (type.words() == 1 && entry.containsKey("word_order")) {
            throw new DriverConfigException(config, key + ".word_order", "applies to 32-bit types only; "
                    + type.settingName() + " is one register");
        }
        if (address + type.words() - 1 > 0xFFFF) {
            throw new DriverConfigException(config, key + ".address", "leaves no room for the second register of a "
                    + type.settingName());
        }
        double scale = number(entry, key, "scale", 1);
        if (scale == 0) {
            throw new DriverConfigException(config, key + ".scale", "must not be 0");
        }
        double offset = number(entry, key, "offset", 0);
        Unit unit = null;
        String unitText = entry.containsKey("unit") ? text(entry, key, "unit") : defaultUnit;
        if (!dimensions.isEmpty()) {
            unit = Unit.lookup(unitText);
            if (unit == null || !dimensions.contains(unit.dimension())) {
                List<String> accepted = new ArrayList<>();
                for (Dimension d : dimensions) {
                    accepted.addAll(Unit.accepted().get(d));
                }
                throw new DriverConfigException(config, key + ".unit", "must be one of " + String.join(", ", accepted)
                        + ", got '" + unitText + "'");
            }
        } else if (entry.containsKey("unit")) {
            throw new DriverConfigException(config, key + ".unit", "does not apply: this register holds a plain number");
        }
        return new Register(name, table, address, type, order, scale, offset, unit);
    }

    private int address(Map<?, ?> entry, String key) {
        if (!entry.containsKey("address")) {
            throw new DriverConfigException(config, key + ".address", "is missing (the protocol address, 0..65535,"
                    + " decimal or 0x hex)");
        }
        String t = text(entry, key, "address").toLowerCase(Locale.ROOT);
        int a;
        try {
            a = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            a = -1;
        }
        if (a < 0 || a > 0xFFFF) {
            throw new DriverConfigException(config, key + ".address", "must be a protocol address 0..65535 (decimal or"
                    + " 0x hex; register 40001 is holding 0), got '" + text(entry, key, "address") + "'");
        }
        return a;
    }

    private double number(Map<?, ?> entry, String key, String field, double otherwise) {
        if (!entry.containsKey(field)) {
            return otherwise;
        }
        String t = text(entry, key, field);
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new DriverConfigException(config, key + "." + field, "must be a number, got '" + t + "'");
    }

    private <T extends Enum<T>> T choice(Map<?, ?> entry, String key, String field, T[] values, T otherwise) {
        if (!entry.containsKey(field)) {
            if (otherwise == null) {
                throw new DriverConfigException(config, key + "." + field, "is missing");
            }
            return otherwise;
        }
        String t = text(entry, key, field).toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (T v : values) {
            String n = name(v);
            if (n.equals(t)) {
                return v;
            }
            names.add(n);
        }
        throw new DriverConfigException(config, key + "." + field, "must be one of " + String.join(", ", names)
                + ", got '" + text(entry, key, field) + "'");
    }

    private static String name(Enum<?> v) {
        return switch (v) {
            case RegisterTable t -> t.settingName();
            case RegisterType t -> t.settingName();
            case WordOrder w -> w.settingName();
            default -> v.name().toLowerCase(Locale.ROOT);
        };
    }

    private String text(Map<?, ?> entry, String key, String field) {
        Object v = entry.get(field);
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString().strip();
        }
        throw new DriverConfigException(config, key + "." + field, "must be a single value");
    }
}
