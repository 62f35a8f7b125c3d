package io.cellbench.schedules.alarm;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a notify file. Every mistake is reported as {@code file:line:column} with a hint.
 * The webhook's URL and token are read from a file or an environment variable the file
 * names, never from the notify file itself: it is copied into the run directory.
 */
public final class NotifyConfigLoader {
    /** The top-level keys of a notify file. */
    static final Set<String> KEYS = Set.of("command", "webhook", "send", "rate_limit", "retry", "silent_channel");

    private final YamlDocument doc;
    private final Map<String, String> env;
    private final boolean secrets;

    private NotifyConfigLoader(YamlDocument doc, Map<String, String> env, boolean secrets) {
        this.doc = doc;
        this.env = env;
        this.secrets = secrets;
    }

    /** @param env the environment to read {@code url_env} and {@code token_env} from */
    public static NotifyConfig load(Path file, Map<String, String> env) {
        YamlDocument doc = YamlDocument.read(file);
        return new NotifyConfigLoader(doc, env, true).read();
    }

    /**
     * Checks a notify file without reading the secrets it names (for {@code cellbench
     * validate}, on a machine that may not have them): the webhook's URL is then a
     * placeholder and its token null.
     */
    public static NotifyConfig check(Path file) {
        return new NotifyConfigLoader(YamlDocument.read(file), Map.of(), false).read();
    }

    /** True for a document whose top-level keys are all a notify file's (and not empty). */
    public static boolean looksLikeNotify(YamlNode root) {
        return root instanceof Mapping m && !m.entries().isEmpty()
                && m.entries().stream().allMatch(e -> KEYS.contains(e.key().value()));
    }

    private NotifyConfig read() {
        if (!(doc.root() instanceof Mapping top)) {
            throw doc.error(doc.root(), "a notify file is a mapping of 'key: value' lines",
                    "e.g. 'command:' or 'webhook:' on a line of its own");
        }
        NotifyConfig d = NotifyConfig.NONE;
        List<String> command = List.of();
        Duration commandTimeout = d.commandTimeout();
        NotifyConfig.Webhook webhook = null;
        Set<Alarm.Kind> send = d.send();
        Duration rate = d.rateLimit();
        int attempts = d.attempts();
        Duration firstRetry = d.firstRetry();
        int periods = d.silentPeriods();
        Duration atLeast = d.silentAtLeast();
        for (Entry e : top.entries()) {
            switch (e.key().value()) {
                case "command" -> {
                    Mapping m = mapping(e);
                    command = List.of();
                    for (Entry c : m.entries()) {
                        switch (c.key().value()) {
                            case "run" -> command = arguments(c);
                            case "timeout" -> commandTimeout = duration(c);
                            default -> throw unknown(c, "run, timeout");
                        }
                    }
                    if (command.isEmpty()) {
                        throw doc.error(m, "the command needs 'run:'", "e.g. run: [/usr/local/bin/page-me, --team, lab]");
                    }
                }
                case "webhook" -> webhook = webhook(mapping(e));
                case "send" -> send = kinds(e);
                case "rate_limit" -> rate = duration(e);
                case "retry" -> {
                    for (Entry r : mapping(e).entries()) {
                        switch (r.key().value()) {
                            case "attempts" -> attempts = count(r, 1);
                            case "first_delay" -> firstRetry = duration(r);
                            default -> throw unknown(r, "attempts, first_delay");
                        }
                    }
                }
                case "silent_channel" -> {
                    for (Entry s : mapping(e).entries()) {
                        switch (s.key().value()) {
                            case "periods" -> periods = count(s, 1);
                            case "at_least" -> atLeast = duration(s);
                            default -> throw unknown(s, "periods, at_least");
                        }
                    }
                }
                default -> throw unknown(e, "command, webhook, send, rate_limit, retry, silent_channel");
            }
        }
        return new NotifyConfig(doc.file(), command, commandTimeout, webhook, send, rate, attempts, firstRetry,
                periods, atLeast);
    }

    private NotifyConfig.Webhook webhook(Mapping m) {
        String url = null;
        String token = null;
        Duration timeout = Duration.ofSeconds(10);
        Scalar urlAt = null;
        for (Entry e : m.entries()) {
            switch (e.key().value()) {
                case "url_env", "url_file" -> {
                    url = secret(e);
                    urlAt = e.key();
                }
                case "token_env", "token_file" -> token = secret(e);
                case "timeout" -> timeout = duration(e);
                case "url", "token" -> throw doc.error(e.key(), "the webhook's " + e.key().value()
                        + " is a secret and is not written in the notify file (which is copied into the run directory)",
                        "use " + e.key().value() + "_env: VARIABLE or " + e.key().value() + "_file: /absolute/path");
                default -> throw unknown(e, "url_env, url_file, token_env, token_file, timeout");
            }
        }
        if (url == null) {
            throw doc.error(m, "the webhook needs its URL", "add url_env: VARIABLE or url_file: /absolute/path");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException ex) {
            throw doc.error(urlAt, "the webhook URL it names is not a URL (its text is not shown: it may be secret)",
                    "it must start with https:// or http://");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw doc.error(urlAt, "the webhook URL it names is not an http(s) URL (its text is not shown: it may be secret)",
                    "it must start with https:// or http://");
        }
        return new NotifyConfig.Webhook(uri, token, timeout);
    }

    /** The value of a {@code *_env} or {@code *_file} entry: the variable's value or the file's first line. */
    private String secret(Entry e) {
        String name = scalar(e);
        // checked also when the secret itself is not read, so validate refuses what run refuses
        if (e.key().value().endsWith("_file") && !Path.of(name).isAbsolute()) {
            throw doc.error(e.value(), "a secret file is named by its absolute path",
                    "e.g. /etc/cellbench/webhook-url; the notify file is copied into the run directory, the secret is not");
        }
        if (!secrets) {
            return e.key().value().startsWith("url") ? "https://not-read.invalid/" : null;
        }
        if (e.key().value().endsWith("_env")) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                throw doc.error(e.value(), "the environment variable " + name + " is not set",
                        "export it in the shell that starts cellbench (also for 'cellbench resume')");
            }
            return v.strip();
        }
        Path p = Path.of(name);
        try {
            String v = Files.readString(p, StandardCharsets.UTF_8).strip();
            if (v.isEmpty()) {
                throw doc.error(e.value(), "the file " + name + " is empty", "write the secret on its first line");
            }
            return v.lines().findFirst().orElseThrow().strip();
        } catch (IOException ex) {
            String why = ex instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : ex instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw doc.error(e.value(), "cannot read " + name + ": " + why,
                    "check the path and that this user may read it");
        }
    }

    private List<String> arguments(Entry e) {
        if (!(e.value() instanceof Sequence s) || s.items().isEmpty()) {
            throw doc.error(e.value() == null ? e.key() : e.value(), "'run' is the command as a list of arguments",
                    "e.g. run: [/usr/local/bin/page-me, --team, lab]; no shell is involved");
        }
        List<String> args = new ArrayList<>();
        for (YamlNode item : s.items()) {
            if (!(item instanceof Scalar sc) || sc.value() == null) {
                throw doc.error(item, "each argument is a single value", "quote it if it contains ',' or ':'");
            }
            args.add(sc.value());
        }
        String program = args.getFirst();
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            throw doc.error(s.items().getFirst(), "the program is an absolute path or a name on PATH",
                    "a relative path would depend on the directory cellbench is started from");
        }
        return args;
    }

    private Set<Alarm.Kind> kinds(Entry e) {
        if (!(e.value() instanceof Sequence s)) {
            throw doc.error(e.value() == null ? e.key() : e.value(), "'send' is a list of alarm kinds", "e.g. send: [fault, safety_trip]");
        }
        Set<Alarm.Kind> kinds = EnumSet.noneOf(Alarm.Kind.class);
        for (YamlNode item : s.items()) {
            String name = item instanceof Scalar sc && sc.value() != null ? sc.value() : "";
            try {
                kinds.add(Alarm.Kind.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw doc.error(item, "unknown alarm kind '" + name + "'", "the kinds are "
                        + String.join(", ", java.util.Arrays.stream(Alarm.Kind.values()).map(Alarm.Kind::label).toList()));
            }
        }
        return kinds;
    }

    private Mapping mapping(Entry e) {
        if (e.value() instanceof Mapping m) {
            return m;
        }
        throw doc.error(e.value() == null ? e.key() : e.value(), "'" + e.key().value() + "' takes indented 'key: value' lines",
                "see examples/notify.yaml");
    }

    private String scalar(Entry e) {
        if (e.value() instanceof Scalar s && s.value() != null && !s.value().isBlank()) {
            return s.value().strip();
        }
        throw doc.error(e.value() == null ? e.key() : e.value(), "'" + e.key().value() + "' takes a single value",
                "write it after the key on the same line");
    }

    private Duration duration(Entry e) {
        scalar(e);
        double seconds = doc.quantity((Scalar) e.value(), Dimension.TIME, e.key().value());
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw doc.error(e.value(), "'" + e.key().value() + "' must be a positive time", "e.g. 10 min or 30 s");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    private int count(Entry e, int min) {
        String v = scalar(e);
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ex) {
            // the message below
        }
        throw doc.error(e.value(), "'" + e.key().value() + "' must be a whole number of at least " + min,
                "e.g. " + e.key().value() + ": " + Math.max(min, 5));
    }

    private ProtocolException unknown(Entry e, String known) {
        return doc.error(e.key(), "unknown key '" + e.key().value() + "'", "the keys here are " + known);
    }
}
