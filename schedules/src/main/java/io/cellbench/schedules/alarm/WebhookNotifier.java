package io.cellbench.schedules.alarm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs every alarm as JSON to a URL (a chat or paging service's incoming webhook). The URL
 * and the token often are the secret themselves, so they come from a file or an environment
 * variable, and no message ever contains them.
 */
public final class WebhookNotifier implements Notifier {
    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;

    /** @param token sent as {@code Authorization: Bearer …}; null for none */
    public WebhookNotifier(URI url, String token, Duration timeout) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alarm alarm, Map<String, String> run) throws NotifyException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alarm.toJson(run)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new NotifyException("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            // The JDK's messages may name the host or the URL: keep only the kind of failure.
            throw new NotifyException("cannot reach the server (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotifyException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotifyException("the server answered HTTP " + response.statusCode());
        }
    }

    @Override
    public String toString() {
        return "WebhookNotifier[url and token hidden]";
    }
}
