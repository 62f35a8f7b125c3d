package io.cellbench.drivers.modbus;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.SettingReader;
import io.cellbench.drivers.transport.TransportSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a Modbus device is reached, as a lab file says it: the transport keys of
 * {@link TransportSettings} plus
 * <pre>
 *   mode: tcp | rtu        framing (default: tcp over transport tcp, rtu over transport serial)
 *   unit_id: 1             the unit (slave) id, 0..255
 *   timeout: 1 s           how long one attempt waits for its answer
 *   retries: 2             attempts repeated on a new link after a timeout, a drop or noise
 * </pre>
 * Defaults: TCP port 502, serial 19200 baud 8N1 (a common transmitter default; set yours).
 */
public record ModbusLinkSettings(TransportSettings transport, ModbusMode mode, int unit, Duration timeout, int retries) {

    public static final int DEFAULT_PORT = 502;
    public static final int DEFAULT_BAUD = 19200;
    static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(TransportSettings.KEYS);
        keys.addAll(Set.of("mode", "unit_id", "timeout", "retries", "registers"));
        KEYS = Set.copyOf(keys);
    }

    public ModbusLinkSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Modbus TCP to {@code host:port}, unit 1, 1 s timeout, 2 retries. */
    public static ModbusLinkSettings tcp(String host, int port) {
        return new ModbusLinkSettings(new TransportSettings.Tcp(host, port, Duration.ofSeconds(3)), ModbusMode.TCP, 1,
                Duration.ofSeconds(1), 2);
    }

    public ModbusLinkSettings withTimeout(Duration timeout, int retries) {
        return new ModbusLinkSettings(transport, mode, unit, timeout, retries);
    }

    public static ModbusLinkSettings from(SettingReader s) {
        TransportSettings transport = TransportSettings.from(s, DEFAULT_PORT, DEFAULT_BAUD);
        ModbusMode byTransport = transport instanceof TransportSettings.Serial ? ModbusMode.RTU : ModbusMode.TCP;
        ModbusMode mode = s.choice("mode", Map.of("tcp", ModbusMode.TCP, "rtu", ModbusMode.RTU), byTransport);
        if (mode == ModbusMode.TCP && transport instanceof TransportSettings.Serial) {
            throw new DriverConfigException(s.config(), "mode", "'tcp' (MBAP framing) needs 'transport: tcp'; a serial"
                    + " line speaks 'mode: rtu'");
        }
        return new ModbusLinkSettings(transport, mode, s.integer("unit_id", 1, 0, 255),
                s.duration("timeout", Duration.ofSeconds(1), Duration.ofMinutes(1)), s.integer("retries", 2, 0, 10));
    }

    /**
     * A master for {@code instrument}, not yet connected, on the line this entry's port or
     * address names: shared with every other device on it (see {@link ModbusLines}).
     */
    public ModbusMaster master(String instrument) {
        return ModbusMaster.shared(instrument, this);
    }
}
