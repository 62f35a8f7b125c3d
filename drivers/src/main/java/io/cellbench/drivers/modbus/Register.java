package io.cellbench.drivers.modbus;

import io.cellbench.core.quantity.Unit;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One value of a device's register map: where it is and how it is encoded. The value in
 * {@code unit} is {@code raw × scale + offset}, where raw is the register content read as
 * {@code type} (a 32-bit value spans two registers in {@code order}); cellbench works in SI, so
 * the unit converts it ("MPa", "N", "kN", "°C").
 *
 * @param name   the map's key ("force", "setpoint"), for messages
 * @param table  holding, input or coil
 * @param address the protocol address of the (first) register, 0..65535, as sent on the wire
 * @param type   the encoding (a coil is always {@link RegisterType#BIT})
 * @param order  word order of 32-bit types
 * @param scale  raw × scale + offset = value in {@code unit}; never 0
 * @param offset see scale
 * @param unit   the unit the scaled value is in, or {@code null} for a plain number (status words, switches)
 */
public record Register(String name, RegisterTable table, int address, RegisterType type, WordOrder order, double scale,
                       double offset, Unit unit) {

    public Register {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        if (address < 0 || address + type.words() - 1 > 0xFFFF) {
            throw new IllegalArgumentException("address must be 0..65535, got " + address);
        }
        if ((table == RegisterTable.COIL) != (type == RegisterType.BIT)) {
            throw new IllegalArgumentException("a coil is one bit and only a coil is");
        }
        if (!(scale != 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("scale must be a non-zero number and offset a number");
        }
    }

    /** A register read as it is, in {@code unit}. */
    public static Register of(String name, RegisterTable table, int address, RegisterType type, WordOrder order, Unit unit) {
        return new Register(name, table, address, type, order, 1, 0, unit);
    }

    /** A coil (run, enable). */
    public static Register coil(String name, int address) {
        return new Register(name, RegisterTable.COIL, address, RegisterType.BIT, WordOrder.BIG, 1, 0, null);
    }

    public int words() {
        return type.words();
    }

    /**
     * The value of {@code words} (as read from the wire, first register first) in SI units: NaN
     * or an infinity when the registers hold one (a float32 NaN or infinity), which the caller
     * must refuse ({@link RegisterIo#read} does).
     */
    public double decode(short[] words) {
        double scaled = inUnit(words);
        return unit == null || !Double.isFinite(scaled) ? scaled : unit.toSi(new BigDecimal(scaled));
    }

    /** raw × scale + offset: the value in the register's own unit. */
    public double inUnit(short[] words) {
        return raw(words) * scale + offset;
    }

    /** The raw register content as a number (for status words and messages). */
    public double raw(short[] words) {
        if (words.length != type.words()) {
            throw new IllegalArgumentException(name + ": expected " + type.words() + " registers, got " + words.length);
        }
        return switch (type) {
            case INT16 -> words[0];
            case UINT16, BIT -> words[0] & 0xFFFF;
            case INT32 -> join(words);
            case UINT32 -> join(words) & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat(join(words));
        };
    }

    /**
     * The registers that hold {@code si} (in SI units), first register first.
     *
     * @throws IllegalArgumentException when the value does not fit the type, with a message
     *         that says the range
     */
    public short[] encode(double si) {
        if (!Double.isFinite(si)) {
            throw new IllegalArgumentException("cannot write " + si + " to " + describe());
        }
        double inUnit = unit == null ? si : unit.fromSi(si);
        double raw = (inUnit - offset) / scale;
        if (type == RegisterType.FLOAT32) {
            float f = (float) raw;
            if (Float.isInfinite(f)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s does not fit a float32", shown(inUnit)));
            }
            return split(Float.floatToIntBits(f));
        }
        long r = Math.round(raw);
        if (r < type.min() || r > type.max()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is raw %d, outside the %s range %d..%d of %s", shown(inUnit), r, type.settingName(),
                    type.min(), type.max(), describe()));
        }
        return type.words() == 1 ? new short[] {(short) r} : split((int) r);
    }

    /** "holding 0x0010 float32 (setpoint)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s 0x%04X %s (%s)", table.settingName(), address, type.settingName(), name);
    }

    private String shown(double inUnit) {
        return String.format(Locale.ROOT, "%s %s", inUnit, unit == null ? "" : unit.symbol()).strip();
    }

    private int join(short[] w) {
        int first = w[0] & 0xFFFF;
        int second = w[1] & 0xFFFF;
        return order == WordOrder.BIG ? first << 16 | second : second << 16 | first;
    }

    private short[] split(int v) {
        short high = (short) (v >>> 16);
        short low = (short) v;
        return order == WordOrder.BIG ? new short[] {high, low} : new short[] {low, high};
    }
}
