package io.cellbench.drivers.maccor;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.SettingReader;
import io.cellbench.drivers.transport.TransportSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A maccor-macnet entry of a lab file, checked.
 *
 * @param transport        where the MacNet server is (TCP only; port 57570 by default)
 * @param timeout          how long a request waits for its answer
 * @param retries          how often a status or aux read that timed out is sent again on a new link
 * @param channels         how many channels to expose; 0 = as many as MacNet's (1,2) reports
 * @param maxCurrent       the largest |current| cellbench may ask of a channel, A
 * @param maxVoltage       the largest voltage cellbench may ask of a channel, V
 * @param safetyMinVolt    the lowest safety floor ever sent in (6,10), V
 * @param safetyMaxVolt    the highest safety ceiling ever sent in (6,10), V
 * @param safetyMargin     how far outside a command's voltage window the cycler's safety limits sit, V
 * @param safetyCurrent    ISafeChg/ISafeDis sent in (6,10), A
 * @param watchdogFeed     how often a channel in direct mode gets its output again, at the latest
 * @param commandInterval  the least time between two commands to one channel (MacNet asks ≥ 100 ms)
 * @param temperatureAux   which of a channel's aux values (1-based) is its cell temperature; 0 = none
 * @param rest             how a rest is commanded
 * @param testName         the data-file name of direct-mode tests ("Random": MacNet makes one up)
 * @param dataTime         seconds between the cycler's own data records in direct mode
 * @param activeWait       how long the first command waits for a channel found Active to be
 *                         suspended by the cycler's watchdog (the test a killed cellbench left)
 */
public record MaccorSettings(TransportSettings.Tcp transport, Duration timeout, int retries, int channels,
                             double maxCurrent, double maxVoltage, double safetyMinVolt, double safetyMaxVolt,
                             double safetyMargin, double safetyCurrent, Duration watchdogFeed,
                             Duration commandInterval, int temperatureAux, Rest rest, String testName,
                             double dataTime, Duration activeWait) {

    public static final int DEFAULT_PORT = 57570;

    /** How {@link io.cellbench.core.instrument.ChannelCommand.OpenCircuit} goes on the wire. */
    public enum Rest {
        /**
         * (6,8) with {@code ChMode 'R'}, as MacNet's help documents it. Unverified over JSON:
         * pymacnet notes that setting 'R' this way did not work (12/14/22) and rests over the
         * binary port instead.
         */
        MODE_R,
        /** (6,8) charging at 0 A, as pymacnet starts direct mode ({@code ChMode "C"}, Current 0): the default. */
        ZERO_CURRENT
    }

    static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(TransportSettings.KEYS);
        keys.addAll(Set.of("timeout", "retries", "channels", "max_current", "max_voltage", "safety_min_voltage",
                "safety_max_voltage", "safety_margin", "safety_current", "watchdog_feed", "command_interval",
                "temperature_aux", "rest", "test_name", "data_time", "active_wait"));
        KEYS = Set.copyOf(keys);
    }

    public MaccorSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(watchdogFeed, "watchdogFeed");
        Objects.requireNonNull(commandInterval, "commandInterval");
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(activeWait, "activeWait");
    }

    /** TCP to {@code host:port} with the defaults of {@link #from}. */
    public static MaccorSettings tcp(String host, int port) {
        return new MaccorSettings(new TransportSettings.Tcp(host, port, Duration.ofSeconds(3)), Duration.ofSeconds(2),
                2, 0, 10, 5, 0, 5, 0.05, 10.5, Duration.ofSeconds(1), Duration.ofMillis(100), 0, Rest.ZERO_CURRENT,
                "Random", 1, Duration.ofSeconds(10));
    }

    public MaccorSettings withTimeout(Duration timeout, int retries) {
        return new MaccorSettings(transport, timeout, retries, channels, maxCurrent, maxVoltage, safetyMinVolt,
                safetyMaxVolt, safetyMargin, safetyCurrent, watchdogFeed, commandInterval, temperatureAux, rest,
                testName, dataTime, activeWait);
    }

    public MaccorSettings withPacing(Duration watchdogFeed, Duration commandInterval) {
        return new MaccorSettings(transport, timeout, retries, channels, maxCurrent, maxVoltage, safetyMinVolt,
                safetyMaxVolt, safetyMargin, safetyCurrent, watchdogFeed, commandInterval, temperatureAux, rest,
                testName, dataTime, activeWait);
    }

    public MaccorSettings withLimits(double maxCurrent, double maxVoltage, double safetyCurrent) {
        return new MaccorSettings(transport, timeout, retries, channels, maxCurrent, maxVoltage, safetyMinVolt,
                maxVoltage, safetyMargin, safetyCurrent, watchdogFeed, commandInterval, temperatureAux, rest,
                testName, dataTime, activeWait);
    }

    public MaccorSettings withTemperatureAux(int temperatureAux) {
        return new MaccorSettings(transport, timeout, retries, channels, maxCurrent, maxVoltage, safetyMinVolt,
                safetyMaxVolt, safetyMargin, safetyCurrent, watchdogFeed, commandInterval, temperatureAux, rest,
                testName, dataTime, activeWait);
    }

    public MaccorSettings withActiveWait(Duration activeWait) {
        return new MaccorSettings(transport, timeout, retries, channels, maxCurrent, maxVoltage, safetyMinVolt,
                safetyMaxVolt, safetyMargin, safetyCurrent, watchdogFeed, commandInterval, temperatureAux, rest,
                testName, dataTime, activeWait);
    }

    public MaccorSettings withRest(Rest rest) {
        return new MaccorSettings(transport, timeout, retries, channels, maxCurrent, maxVoltage, safetyMinVolt,
                safetyMaxVolt, safetyMargin, safetyCurrent, watchdogFeed, commandInterval, temperatureAux, rest,
                testName, dataTime, activeWait);
    }

    /**
     * Reads an entry. Defaults: {@code port: 57570}, {@code connect_timeout: 3 s},
     * {@code timeout: 2 s}, {@code retries: 2}, {@code channels:} as the cycler reports,
     * {@code max_current: 10 A}, {@code max_voltage: 5 V}, {@code safety_min_voltage: 0 V},
     * {@code safety_max_voltage:} max_voltage, {@code safety_margin: 50 mV},
     * {@code safety_current:} 1.05 × max_current, {@code watchdog_feed: 1 s},
     * {@code command_interval: 100 ms}, {@code temperature_aux: 0} (none), {@code rest: zero-current},
     * {@code test_name: Random}, {@code data_time: 1 s}, {@code active_wait: 10 s}.
     */
    public static MaccorSettings from(InstrumentConfig config) {
        SettingReader s = new SettingReader(config);
        s.requireOnly(KEYS);
        TransportSettings transport = TransportSettings.from(s, DEFAULT_PORT, 9600);
        if (!(transport instanceof TransportSettings.Tcp tcp)) {
            throw new DriverConfigException(config, "transport", "must be 'tcp': MacNet is reached over TCP/IP");
        }
        double maxCurrent = s.positive("max_current", Dimension.CURRENT, 10, 1000);
        double maxVoltage = s.positive("max_voltage", Dimension.VOLTAGE, 5, 1000);
        double safetyMin = s.positive("safety_min_voltage", Dimension.VOLTAGE, 0, 1000);
        double safetyMax = s.positive("safety_max_voltage", Dimension.VOLTAGE, maxVoltage, 1000);
        if (safetyMin >= safetyMax) {
            throw new DriverConfigException(config, "safety_min_voltage", "must be below safety_max_voltage ("
                    + safetyMax + " V), got " + safetyMin + " V");
        }
        Duration feed = s.duration("watchdog_feed", Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration interval = s.duration("command_interval", Duration.ofMillis(100), Duration.ofSeconds(10));
        if (interval.compareTo(feed) >= 0) {
            throw new DriverConfigException(config, "command_interval", "must be shorter than watchdog_feed ("
                    + feed.toMillis() + " ms), got " + interval.toMillis() + " ms");
        }
        return new MaccorSettings(
                tcp,
                s.duration("timeout", Duration.ofSeconds(2), Duration.ofMinutes(10)),
                s.integer("retries", 2, 0, 10),
                s.integer("channels", 0, 1, 4096),
                maxCurrent,
                maxVoltage,
                safetyMin,
                safetyMax,
                s.positive("safety_margin", Dimension.VOLTAGE, 0.05, 10),
                s.positive("safety_current", Dimension.CURRENT, 1.05 * maxCurrent, 1000),
                feed,
                interval,
                s.integer("temperature_aux", 0, 0, 4096),
                s.choice("rest", Map.of("mode-r", Rest.MODE_R, "zero-current", Rest.ZERO_CURRENT), Rest.ZERO_CURRENT),
                s.text("test_name", "Random"),
                s.positive("data_time", Dimension.TIME, 1, 3600),
                s.duration("active_wait", Duration.ofSeconds(10), Duration.ofMinutes(10)));
    }
}
