package io.cellbench.drivers.neware;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.SettingReader;
import io.cellbench.drivers.transport.TransportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A neware-bts entry of a lab file, checked. The password is never written in the lab file (it
 * is copied into every run directory): it comes from an environment variable or a file.
 *
 * @param transport       where BTS Client's API listens (TCP only; port 502 by default)
 * @param timeout         how long one request waits for its reply (BTS answers within 30 s)
 * @param retries         how often a query that failed is sent again on a fresh connection
 * @param username        the API login
 * @param password        the API password (from password_env or password_file)
 * @param stepShare       a folder this machine writes step files into, which the BTS PC also sees;
 *                        null when BTS runs on this machine and reads the files where they are
 * @param stepShareOnBts  how the BTS PC names that folder ("C:\cellbench\steps", "\\\\lab-nas\\steps")
 * @param backupDir       where BTS backs up a test's data on its PC
 * @param downloadChunk   records per download request (BTS returns at most 1,000)
 * @param zone            the BTS PC's time zone: records carry its local time without one
 */
public record NewareBtsSettings(TransportSettings.Tcp transport, Duration timeout, int retries, String username,
                                String password, Path stepShare, String stepShareOnBts, String backupDir,
                                int downloadChunk, ZoneId zone) {

    public static final int DEFAULT_PORT = 502;
    /** BTS's factory login for the API, which aurora-neware uses. */
    static final String DEFAULT_USERNAME = "admin";
    static final String DEFAULT_PASSWORD = "neware";
    /** What BTS returns at most per download request. */
    public static final int MAX_DOWNLOAD_CHUNK = 1000;

    static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(TransportSettings.KEYS);
        keys.addAll(Set.of("timeout", "retries", "username", "password_env", "password_file", "step_share",
                "step_share_on_bts", "backup_dir", "download_chunk", "time_zone"));
        KEYS = Set.copyOf(keys);
    }

    public NewareBtsSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(backupDir, "backupDir");
        Objects.requireNonNull(zone, "zone");
        if ((stepShare == null) != (stepShareOnBts == null)) {
            throw new IllegalArgumentException("step_share and step_share_on_bts go together");
        }
    }

    /** TCP to {@code host:port}, default login, no share (BTS reads step files where cellbench writes them). */
    public static NewareBtsSettings tcp(String host, int port) {
        return new NewareBtsSettings(new TransportSettings.Tcp(host, port, Duration.ofSeconds(3)), Duration.ofSeconds(30),
                2, DEFAULT_USERNAME, DEFAULT_PASSWORD, null, null, "C:\\Neware data\\", MAX_DOWNLOAD_CHUNK,
                ZoneId.systemDefault());
    }

    public NewareBtsSettings withShare(Path local, String onBts) {
        return new NewareBtsSettings(transport, timeout, retries, username, password, local, onBts, backupDir,
                downloadChunk, zone);
    }

    public NewareBtsSettings withTimeout(Duration timeout, int retries) {
        return new NewareBtsSettings(transport, timeout, retries, username, password, stepShare, stepShareOnBts,
                backupDir, downloadChunk, zone);
    }

    public NewareBtsSettings withLogin(String username, String password) {
        return new NewareBtsSettings(transport, timeout, retries, username, password, stepShare, stepShareOnBts,
                backupDir, downloadChunk, zone);
    }

    /**
     * Reads an entry. Defaults: {@code port: 502}, {@code connect_timeout: 3 s}, {@code timeout: 30 s},
     * {@code retries: 2}, {@code username: admin}, the password "neware" unless {@code password_env}
     * or {@code password_file} gives one, no share, {@code backup_dir: C:\Neware data\},
     * {@code download_chunk: 1000}, {@code time_zone:} this machine's.
     */
    public static NewareBtsSettings from(InstrumentConfig config) {
        return from(config, true);
    }

    /**
     * As {@link #from(InstrumentConfig)}; with {@code readPassword} false the password's variable
     * or file is not read (validating a lab file on another machine must not need the secret).
     */
    public static NewareBtsSettings from(InstrumentConfig config, boolean readPassword) {
        SettingReader s = new SettingReader(config);
        s.requireOnly(KEYS);
        TransportSettings transport = TransportSettings.from(s, DEFAULT_PORT, 9600);
        if (!(transport instanceof TransportSettings.Tcp tcp)) {
            throw new DriverConfigException(config, "transport", "must be 'tcp': the BTS API is reached over TCP/IP");
        }
        if (s.has("step_share") != s.has("step_share_on_bts")) {
            String missing = s.has("step_share") ? "step_share_on_bts" : "step_share";
            throw new DriverConfigException(config, missing, "is missing: step_share (the folder as this machine sees"
                    + " it) and step_share_on_bts (as the BTS PC names it) go together");
        }
        Path share = s.has("step_share") ? Path.of(s.text("step_share")) : null;
        ZoneId zone;
        try {
            zone = s.has("time_zone") ? ZoneId.of(s.text("time_zone")) : ZoneId.systemDefault();
        } catch (DateTimeException e) {
            throw new DriverConfigException(config, "time_zone", "must be a zone such as Europe/Zurich or UTC+8, got '"
                    + s.text("time_zone") + "'");
        }
        return new NewareBtsSettings(tcp, s.duration("timeout", Duration.ofSeconds(30), Duration.ofMinutes(10)),
                s.integer("retries", 2, 0, 10), s.text("username", DEFAULT_USERNAME), password(config, s, readPassword), share,
                s.has("step_share_on_bts") ? s.text("step_share_on_bts") : null,
                s.text("backup_dir", "C:\\Neware data\\"),
                s.integer("download_chunk", MAX_DOWNLOAD_CHUNK, 1, MAX_DOWNLOAD_CHUNK), zone);
    }

    private static String password(InstrumentConfig config, SettingReader s, boolean read) {
        if (s.has("password_env") && s.has("password_file")) {
            throw new DriverConfigException(config, "password_file", "and password_env both name the password: keep one");
        }
        if (!read) {
            return "";
        }
        if (s.has("password_env")) {
            String name = s.text("password_env");
            String v = System.getenv(name);
            if (v == null) {
                throw new DriverConfigException(config, "password_env", "names environment variable " + name
                        + ", which is not set");
            }
            return v;
        }
        if (s.has("password_file")) {
            Path file = Path.of(s.text("password_file"));
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new DriverConfigException(config, "password_file", "cannot be read: " + e.getMessage());
            }
        }
        return DEFAULT_PASSWORD;
    }

    /** Fields that may be printed: everything but the password. */
    @Override
    public String toString() {
        return "NewareBtsSettings[" + transport + ", timeout " + timeout + ", user " + username + ", share " + stepShare
                + " = " + stepShareOnBts + "]";
    }
}
