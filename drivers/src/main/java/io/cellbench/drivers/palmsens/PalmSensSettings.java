package io.cellbench.drivers.palmsens;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.SettingReader;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.TransportSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A palmsens-methodscript entry of a lab file, checked.
 *
 * @param transport      serial (921600 8N1 by default, an EmStat4 after firmware 1.1) or tcp (a
 *                       serial-to-LAN bridge, or the simulator)
 * @param timeout        how long a short exchange ({@code t}, the {@code e} echo, {@code Z}) may take
 * @param packageTimeout how long to wait for a data package beyond the time its point needs
 *                       (ten periods of its frequency); the first also waits out the OCP time
 * @param ocpTime        how long the open-circuit potential is measured before the sweep; a
 *                       PEIS is then held at that potential
 * @param maxCurrent     the current range: PEIS autoranges up to it, GEIS applies its amplitude in it
 * @param minCurrent     the lowest range PEIS autoranging may pick
 * @param multiplexer    the multiplexer type, or none
 * @param muxChannels    how many multiplexer channels are wired (1..the type's channels)
 * @param potentialRange the WE potential range, V ({@code set_range ab}): above the highest cell
 *                       voltage, or the OCP reads as the range's end and the sweep is held there
 */
public record PalmSensSettings(TransportSettings transport, Duration timeout, Duration packageTimeout, Duration ocpTime,
                               double maxCurrent, double minCurrent, Multiplexer multiplexer, int muxChannels,
                               double potentialRange) {

    /** An EmStat4 after firmware 1.1 (PalmSens' Example_C/.../example.c); 230400 is tried when it gets no answer. */
    public static final int DEFAULT_BAUD = DeviceType.FAST_BAUD;
    /** Above a charged lithium-ion cell (4.2–4.4 V). */
    public static final double DEFAULT_POTENTIAL_RANGE = 5;
    public static final int DEFAULT_PORT = 4001;

    static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(TransportSettings.KEYS);
        keys.addAll(Set.of("timeout", "package_timeout", "ocp_time", "max_current", "min_current", "mux", "mux_channels",
                "potential_range"));
        KEYS = Set.copyOf(keys);
    }

    public PalmSensSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(packageTimeout, "packageTimeout");
        Objects.requireNonNull(ocpTime, "ocpTime");
        Objects.requireNonNull(multiplexer, "multiplexer");
        if (multiplexer == Multiplexer.NONE ? muxChannels != 0 : muxChannels < 1 || muxChannels > multiplexer.channels()) {
            throw new IllegalArgumentException("mux_channels must be 1.." + multiplexer.channels() + " for "
                    + multiplexer.settingName() + ", got " + muxChannels);
        }
    }

    /** A serial line at 921600 8N1 with the defaults of {@link #from}, no multiplexer. */
    public static PalmSensSettings serial(String port) {
        return new PalmSensSettings(new TransportSettings.Serial(SerialSettings.eightNoneOne(port, DEFAULT_BAUD)),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30), 10e-3, 100e-9, Multiplexer.NONE, 0,
                DEFAULT_POTENTIAL_RANGE);
    }

    public PalmSensSettings withTransport(TransportSettings transport) {
        return new PalmSensSettings(transport, timeout, packageTimeout, ocpTime, maxCurrent, minCurrent, multiplexer, muxChannels, potentialRange);
    }

    public PalmSensSettings withTimeouts(Duration timeout, Duration packageTimeout) {
        return new PalmSensSettings(transport, timeout, packageTimeout, ocpTime, maxCurrent, minCurrent, multiplexer, muxChannels, potentialRange);
    }

    public PalmSensSettings withOcpTime(Duration ocpTime) {
        return new PalmSensSettings(transport, timeout, packageTimeout, ocpTime, maxCurrent, minCurrent, multiplexer, muxChannels, potentialRange);
    }

    public PalmSensSettings withPotentialRange(double potentialRange) {
        return new PalmSensSettings(transport, timeout, packageTimeout, ocpTime, maxCurrent, minCurrent, multiplexer,
                muxChannels, potentialRange);
    }

    public PalmSensSettings withMultiplexer(Multiplexer multiplexer, int muxChannels) {
        return new PalmSensSettings(transport, timeout, packageTimeout, ocpTime, maxCurrent, minCurrent, multiplexer, muxChannels, potentialRange);
    }

    /**
     * Reads an entry. Defaults: {@code transport: serial}, {@code baud: 921600} (8N1),
     * {@code timeout: 2 s}, {@code package_timeout: 10 s}, {@code ocp_time: 30 s},
     * {@code max_current: 10 mA}, {@code min_current: 100 nA}, {@code potential_range: 5 V},
     * {@code mux: none};
     * {@code mux_channels} defaults to all channels of the multiplexer type.
     *
     * @throws DriverConfigException naming the setting that is wrong
     */
    public static PalmSensSettings from(InstrumentConfig config) {
        SettingReader s = new SettingReader(config);
        s.requireOnly(KEYS);
        TransportSettings transport = TransportSettings.from(s.has("transport") ? s : withSerialDefault(config),
                DEFAULT_PORT, DEFAULT_BAUD);
        Map<String, Multiplexer> muxes = new LinkedHashMap<>();
        for (Multiplexer m : Multiplexer.values()) {
            muxes.put(m.settingName(), m);
        }
        Multiplexer mux = s.choice("mux", muxes, Multiplexer.NONE);
        int channels;
        if (mux == Multiplexer.NONE) {
            if (s.has("mux_channels")) {
                throw new DriverConfigException(config, "mux_channels", "needs a multiplexer ('mux: mux8', 'mux16' or"
                        + " 'mux8-r2')");
            }
            channels = 0;
        } else {
            channels = s.integer("mux_channels", mux.channels(), 1, mux.channels());
        }
        double maxCurrent = s.positive("max_current", Dimension.CURRENT, 10e-3, 1);
        double minCurrent = s.positive("min_current", Dimension.CURRENT, Math.min(100e-9, maxCurrent), maxCurrent);
        return new PalmSensSettings(transport,
                s.duration("timeout", Duration.ofSeconds(2), Duration.ofMinutes(5)),
                s.duration("package_timeout", Duration.ofSeconds(10), Duration.ofHours(1)),
                s.duration("ocp_time", Duration.ofSeconds(30), Duration.ofHours(1)),
                maxCurrent, minCurrent, mux, channels,
                s.positive("potential_range", Dimension.VOLTAGE, DEFAULT_POTENTIAL_RANGE, 100));
    }

    /** A serial instrument needs no 'transport:' line: serial is what a PalmSens speaks. */
    private static SettingReader withSerialDefault(InstrumentConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>(config.settings());
        settings.put("transport", "serial");
        return new SettingReader(new InstrumentConfig(config.name(), config.driver(), settings, config.origin()));
    }
}
