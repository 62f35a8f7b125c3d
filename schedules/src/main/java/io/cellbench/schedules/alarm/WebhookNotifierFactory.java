package io.cellbench.schedules.alarm;

import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The notify file's {@code webhook:} section: every alarm POSTed as JSON ({@link WebhookNotifier}).
 * The URL and the token are secrets, read from a file or an environment variable the section
 * names, never from the notify file itself: it is copied into the run directory.
 */
public final class WebhookNotifierFactory implements NotifierFactory {
    @Override
    public String key() {
        return "webhook";
    }

    @Override
    public NotifierSetup read(NotifySection section) {
        Mapping m = section.mapping();
        String url = null;
        String token = null;
        Duration timeout = Duration.ofSeconds(10);
        Scalar urlAt = null;
        for (Entry e : m.entries()) {
            switch (e.key().value()) {
                case "url_env", "url_file" -> {
                    url = section.secret(e);
                    urlAt = e.key();
                }
                case "token_env", "token_file" -> token = section.secret(e);
                case "timeout" -> timeout = section.duration(e);
                case "url", "token" -> throw section.error(e.key(), "the webhook's " + e.key().value()
                        + " is a secret and is not written in the notify file (which is copied into the run directory)",
                        "use " + e.key().value() + "_env: VARIABLE or " + e.key().value() + "_file: /absolute/path");
                default -> throw section.unknown(e, "url_env, url_file, token_env, token_file, timeout");
            }
        }
        if (url == null) {
            throw section.error(m, "the webhook needs its URL", "add url_env: VARIABLE or url_file: /absolute/path");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException ex) {
            throw section.error(urlAt, "the webhook URL it names is not a URL (its text is not shown: it may be secret)",
                    "it must start with https:// or http://");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw section.error(urlAt, "the webhook URL it names is not an http(s) URL (its text is not shown: it may "
                    + "be secret)", "it must start with https:// or http://");
        }
        return new NotifyConfig.Webhook(uri, token, timeout);
    }
}
