package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.TransportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Modbus lines open in this process, one per serial port or TCP address. Every lab entry
 * that names the same port (a press at unit 1 and a chamber at unit 2 on one RS-485 bus) gets
 * the same {@link ModbusLine}: a serial port opens only once, exclusively, so two links could
 * not both have it; and on one bus only one request may be on the wire at a time. The line
 * stays open while any device uses it. Entries that name one port with different serial
 * settings or framing are refused: the bus has one baud rate.
 */
final class ModbusLines {

    private record Open(ModbusLine line, TransportSettings transport, ModbusMode mode, List<String> users) {
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Map<String, Open> OPEN = new HashMap<>();

    private ModbusLines() {
    }

    /**
     * The line {@code link} names, shared with every other device on it; {@link #detach} gives it
     * back. The line is not connected yet.
     *
     * @throws InstrumentException when the port is open for other devices with other settings
     */
    static ModbusLine attach(String instrument, ModbusLinkSettings link) {
        String key = key(link.transport());
        LOCK.lock();
        try {
            Open open = OPEN.get(key);
            if (open == null) {
                ModbusLine line = new ModbusLine(link.transport().create(link.timeout().multipliedBy(2)), link.mode());
                open = new Open(line, link.transport(), link.mode(), new ArrayList<>());
                OPEN.put(key, open);
            } else if (!sameLine(open.transport(), open.mode(), link.transport(), link.mode())) {
                boolean serial = link.transport() instanceof TransportSettings.Serial;
                throw new InstrumentException(instrument, "connect", (serial ? "serial port " : "") + where(link.transport())
                        + " is already open for " + String.join(", ", open.users()) + " as '" + endpoint(open.transport())
                        + "' (" + protocol(open.mode()) + "); this entry asks for '" + endpoint(link.transport()) + "' ("
                        + protocol(link.mode()) + "): " + (serial
                        ? "devices on one RS-485 line share its baud rate, parity, stop bits and framing, so give every"
                                + " entry naming this port the same settings"
                        : "devices behind one address share its framing, so give every entry naming it the same 'mode'"));
            }
            open.users().add(instrument);
            return open.line();
        } finally {
            LOCK.unlock();
        }
    }

    /** {@code instrument} no longer uses {@code line}; the last user's detach closes it. */
    static void detach(String instrument, ModbusLine line) {
        LOCK.lock();
        try {
            for (Map.Entry<String, Open> e : OPEN.entrySet()) {
                Open open = e.getValue();
                if (open.line() == line) {
                    open.users().remove(instrument);
                    if (open.users().isEmpty()) {
                        OPEN.remove(e.getKey());
                        line.close();
                    }
                    return;
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** The other devices on {@code line} besides {@code instrument} (for probe reports). */
    static List<String> neighbours(String instrument, ModbusLine line) {
        LOCK.lock();
        try {
            for (Open open : OPEN.values()) {
                if (open.line() == line) {
                    List<String> out = new ArrayList<>(open.users());
                    out.remove(instrument);
                    return out;
                }
            }
            return List.of();
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * What identifies a line: the serial port's real path (a /dev/serial/by-id link and the
     * /dev/ttyUSB it points at are one port), or the TCP host and port.
     */
    static String key(TransportSettings t) {
        return switch (t) {
            case TransportSettings.Serial s -> "serial " + realPath(s.serial().port());
            case TransportSettings.Tcp tcp -> "tcp " + tcp.host().toLowerCase(Locale.ROOT) + ":" + tcp.port();
        };
    }

    private static String realPath(String port) {
        try {
            Path p = Paths.get(port);
            return Files.exists(p) ? p.toRealPath().toString() : port;
        } catch (IOException | RuntimeException e) {
            return port;
        }
    }

    private static boolean sameLine(TransportSettings a, ModbusMode aMode, TransportSettings b, ModbusMode bMode) {
        if (aMode != bMode) {
            return false;
        }
        if (a instanceof TransportSettings.Serial sa && b instanceof TransportSettings.Serial sb) {
            SerialSettings x = sa.serial();
            SerialSettings y = sb.serial();
            return x.baud() == y.baud() && x.dataBits() == y.dataBits() && x.parity() == y.parity()
                    && x.stopBits() == y.stopBits() && x.flowControl() == y.flowControl();
        }
        return a instanceof TransportSettings.Tcp && b instanceof TransportSettings.Tcp;
    }

    private static String where(TransportSettings t) {
        return switch (t) {
            case TransportSettings.Serial s -> s.serial().port();
            case TransportSettings.Tcp tcp -> "tcp " + tcp.host() + ":" + tcp.port();
        };
    }

    /** "serial /dev/ttyUSB0 19200 8E1", "tcp 10.0.0.5:502": as the transport names itself. */
    static String endpoint(TransportSettings t) {
        return switch (t) {
            case TransportSettings.Serial s -> "serial " + s.serial().describe();
            case TransportSettings.Tcp tcp -> "tcp " + tcp.host() + ":" + tcp.port();
        };
    }

    private static String protocol(ModbusMode mode) {
        return mode == ModbusMode.TCP ? "Modbus TCP" : "Modbus RTU";
    }
}
