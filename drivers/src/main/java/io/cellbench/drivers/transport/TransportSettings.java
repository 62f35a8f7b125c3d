package io.cellbench.drivers.transport;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.SettingReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an instrument is reached, as a lab file says it:
 * <pre>
 *   transport: tcp            transport: serial
 *   host: 192.168.1.20        serial_port: /dev/ttyUSB0
 *   port: 5025                baud: 9600
 *   connect_timeout: 3 s      data_bits: 8
 *                             parity: none | even | odd | mark | space
 *                             stop_bits: 1 | 1.5 | 2
 *                             flow_control: none | rts-cts | xon-xoff
 * </pre>
 */
public sealed interface TransportSettings {

    /** The keys {@link #from} reads. */
    Set<String> KEYS = Set.of("transport", "host", "port", "connect_timeout", "serial_port", "baud", "data_bits",
            "parity", "stop_bits", "flow_control");

    record Tcp(String host, int port, Duration connectTimeout) implements TransportSettings {
        public Tcp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
        }

        @Override
        public ByteTransport create(Duration writeTimeout) {
            return new TcpTransport(host, port, connectTimeout, writeTimeout);
        }
    }

    record Serial(SerialSettings serial) implements TransportSettings {
        public Serial {
            Objects.requireNonNull(serial, "serial");
        }

        @Override
        public ByteTransport create(Duration writeTimeout) {
            return new SerialTransport(serial, writeTimeout);
        }
    }

    /** A transport for these settings, not yet open. */
    ByteTransport create(Duration writeTimeout);

    /** Reads the transport settings of an instrument entry. */
    static TransportSettings from(SettingReader s, int defaultTcpPort, int defaultBaud) {
        String kind = s.choice("transport", Map.of("tcp", "tcp", "serial", "serial"), "tcp");
        if (kind.equals("tcp")) {
            for (String k : new String[] {"serial_port", "baud", "data_bits", "parity", "stop_bits", "flow_control"}) {
                if (s.has(k)) {
                    throw new DriverConfigException(s.config(), k, "belongs to 'transport: serial', but this entry"
                            + " has 'transport: tcp'");
                }
            }
            return new Tcp(s.text("host"), s.integer("port", defaultTcpPort, 1, 65535),
                    s.duration("connect_timeout", Duration.ofSeconds(3), Duration.ofMinutes(5)));
        }
        for (String k : new String[] {"host", "port", "connect_timeout"}) {
            if (s.has(k)) {
                throw new DriverConfigException(s.config(), k, "belongs to 'transport: tcp', but this entry has"
                        + " 'transport: serial'");
            }
        }
        SerialSettings.StopBits stop = s.choice("stop_bits", Map.of("1", SerialSettings.StopBits.ONE,
                "1.5", SerialSettings.StopBits.ONE_AND_HALF, "2", SerialSettings.StopBits.TWO), SerialSettings.StopBits.ONE);
        return new Serial(new SerialSettings(
                s.text("serial_port"),
                s.integer("baud", defaultBaud, 50, 4_000_000),
                s.integer("data_bits", 8, 5, 8),
                s.choice("parity", Map.of("none", SerialSettings.Parity.NONE, "even", SerialSettings.Parity.EVEN,
                        "odd", SerialSettings.Parity.ODD, "mark", SerialSettings.Parity.MARK,
                        "space", SerialSettings.Parity.SPACE), SerialSettings.Parity.NONE),
                stop,
                s.choice("flow_control", Map.of("none", SerialSettings.FlowControl.NONE,
                        "rts-cts", SerialSettings.FlowControl.RTS_CTS,
                        "xon-xoff", SerialSettings.FlowControl.XON_XOFF), SerialSettings.FlowControl.NONE)));
    }
}
