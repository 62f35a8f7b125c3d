package io.cellbench.drivers.keithley;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.SettingReader;
import io.cellbench.drivers.transport.Terminator;
import io.cellbench.drivers.transport.TransportSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A keithley-2450 entry of a lab file, checked.
 *
 * @param transport      where the instrument is (tcp: port 5025 by default; serial: 9600 8N1)
 * @param terminator     line end sent (lf, or crlf for some RS-232 set-ups)
 * @param timeout        how long a query waits for its answer
 * @param retries        how often a query that timed out is sent again on a new link
 * @param maxCurrent     the largest |current| cellbench may ask for, A (the 2450 does 1.05 A)
 * @param maxVoltage     the largest |voltage| cellbench may ask for, V; also the voltage limit of a rest
 * @param rest           how a rest is done
 * @param fourWire       remote sense (4-wire) on, the right set-up for cells
 */
public record Keithley2450Settings(TransportSettings transport, Terminator terminator, Duration timeout, int retries,
                                   double maxCurrent, double maxVoltage, RestMode rest, boolean fourWire) {

    public static final int DEFAULT_PORT = 5025;
    public static final int DEFAULT_BAUD = 9600;
    /** The 2450's largest current (1 A range with 5 % over-range). */
    public static final double INSTRUMENT_MAX_CURRENT = 1.05;
    /** The 2450's largest voltage (200 V range with 5 % over-range, at ≤ 105 mA). */
    public static final double INSTRUMENT_MAX_VOLTAGE = 210;

    static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(TransportSettings.KEYS);
        keys.addAll(Set.of("terminator", "timeout", "retries", "max_current", "max_voltage", "rest", "sense"));
        KEYS = Set.copyOf(keys);
    }

    public Keithley2450Settings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rest, "rest");
    }

    /** TCP to {@code host:port} with the defaults below. */
    public static Keithley2450Settings tcp(String host, int port) {
        return new Keithley2450Settings(new TransportSettings.Tcp(host, port, Duration.ofSeconds(3)), Terminator.LF,
                Duration.ofSeconds(2), 2, INSTRUMENT_MAX_CURRENT, 21, RestMode.ZERO_CURRENT, true);
    }

    public Keithley2450Settings withTimeout(Duration timeout, int retries) {
        return new Keithley2450Settings(transport, terminator, timeout, retries, maxCurrent, maxVoltage, rest, fourWire);
    }

    public Keithley2450Settings withRest(RestMode rest) {
        return new Keithley2450Settings(transport, terminator, timeout, retries, maxCurrent, maxVoltage, rest, fourWire);
    }

    public Keithley2450Settings withTransport(TransportSettings transport) {
        return new Keithley2450Settings(transport, terminator, timeout, retries, maxCurrent, maxVoltage, rest, fourWire);
    }

    /**
     * Reads an entry. Defaults: {@code transport: tcp}, {@code port: 5025},
     * {@code connect_timeout: 3 s}, {@code baud: 9600} (8N1, no flow control),
     * {@code terminator: lf}, {@code timeout: 2 s}, {@code retries: 2},
     * {@code max_current: 1.05 A}, {@code max_voltage: 21 V}, {@code rest: zero-current},
     * {@code sense: 4-wire}.
     *
     * @throws io.cellbench.drivers.DriverConfigException naming the setting that is wrong
     */
    public static Keithley2450Settings from(InstrumentConfig config) {
        SettingReader s = new SettingReader(config);
        s.requireOnly(KEYS);
        TransportSettings transport = TransportSettings.from(s, DEFAULT_PORT, DEFAULT_BAUD);
        return new Keithley2450Settings(
                transport,
                s.choice("terminator", Map.of("lf", Terminator.LF, "crlf", Terminator.CRLF), Terminator.LF),
                s.duration("timeout", Duration.ofSeconds(2), Duration.ofMinutes(10)),
                s.integer("retries", 2, 0, 10),
                s.positive("max_current", Dimension.CURRENT, INSTRUMENT_MAX_CURRENT, INSTRUMENT_MAX_CURRENT),
                s.positive("max_voltage", Dimension.VOLTAGE, 21, INSTRUMENT_MAX_VOLTAGE),
                s.choice("rest", Map.of("zero-current", RestMode.ZERO_CURRENT, "open-relay", RestMode.OPEN_RELAY),
                        RestMode.ZERO_CURRENT),
                s.choice("sense", Map.of("4-wire", true, "2-wire", false), true));
    }
}
