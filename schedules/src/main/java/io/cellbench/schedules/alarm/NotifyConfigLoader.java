package io.cellbench.schedules.alarm;

import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a notify file. Every mistake is reported as {@code file:line:column} with a hint.
 * Where alarms go is read by the notifiers found on the class path ({@link NotifierFactory}),
 * each from its own section; this class reads the rest (which alarms, how often, retries, the
 * silent-channel watchdog).
 */
public final class NotifyConfigLoader {
    /** The top-level keys of a notify file besides the notifiers' sections. */
    static final List<String> GENERAL = List.of("send", "rate_limit", "retry", "silent_channel");

    private final YamlDocument doc;
    private final Map<String, String> env;
    private final boolean secrets;
    private final List<NotifierFactory> notifiers = Notifiers.all();

    private NotifyConfigLoader(YamlDocument doc, Map<String, String> env, boolean secrets) {
        this.doc = doc;
        this.env = env;
        this.secrets = secrets;
    }

    /** @param env the environment to read the secrets ({@code url_env}, {@code token_env}) from */
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
        List<String> keys = keys(Notifiers.all());
        return root instanceof Mapping m && !m.entries().isEmpty()
                && m.entries().stream().allMatch(e -> keys.contains(e.key().value()));
    }

    /** The notifiers' sections, then the general keys. */
    private static List<String> keys(List<NotifierFactory> notifiers) {
        List<String> keys = new ArrayList<>(notifiers.stream().map(NotifierFactory::key).toList());
        keys.addAll(GENERAL);
        return keys;
    }

    private NotifyConfig read() {
        if (!(doc.root() instanceof Mapping top)) {
            throw doc.error(doc.root(), "a notify file is a mapping of 'key: value' lines",
                    "e.g. 'command:' or 'webhook:' on a line of its own");
        }
        NotifyConfig d = NotifyConfig.NONE;
        Map<String, NotifierSetup> setups = new HashMap<>();
        Set<Alarm.Kind> send = d.send();
        Duration rate = d.rateLimit();
        int attempts = d.attempts();
        Duration firstRetry = d.firstRetry();
        int periods = d.silentPeriods();
        Duration atLeast = d.silentAtLeast();
        NotifySection.Source source = new NotifySection.Source(doc, env, secrets);
        for (Entry e : top.entries()) {
            NotifySection section = new NotifySection(source, e);
            switch (e.key().value()) {
                case "send" -> send = kinds(e);
                case "rate_limit" -> rate = section.duration(e);
                case "retry" -> {
                    for (Entry r : section.mapping().entries()) {
                        switch (r.key().value()) {
                            case "attempts" -> attempts = section.count(r, 1);
                            case "first_delay" -> firstRetry = section.duration(r);
                            default -> throw section.unknown(r, "attempts, first_delay");
                        }
                    }
                }
                case "silent_channel" -> {
                    for (Entry s : section.mapping().entries()) {
                        switch (s.key().value()) {
                            case "periods" -> periods = section.count(s, 1);
                            case "at_least" -> atLeast = section.duration(s);
                            default -> throw section.unknown(s, "periods, at_least");
                        }
                    }
                }
                default -> {
                    NotifierFactory factory = notifiers.stream().filter(f -> f.key().equals(e.key().value()))
                            .findFirst().orElseThrow(() -> section.unknown(e, String.join(", ", keys(notifiers))));
                    setups.put(factory.key(), factory.read(section)); // a later section of the same key wins
                }
            }
        }
        List<NotifierSetup> ordered = notifiers.stream().map(f -> setups.get(f.key())).filter(s -> s != null).toList();
        return new NotifyConfig(doc.file(), ordered, send, rate, attempts, firstRetry, periods, atLeast);
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
}
