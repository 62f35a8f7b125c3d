package io.cellbench.schedules.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.testing.DeadPort;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real HTTP server on 127.0.0.1 port 0 as the webhook. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookNotifierTest {
    private final Alarm fault = Alarm.of(Alarm.Kind.FAULT, "pouch-1", Severity.ALARM,
            "cycler channel 4 did not answer for 30 s; channel made safe", Instant.parse("2026-12-05T22:00:00Z"));
    private final Map<String, String> run = Map.of("run_id", "run-7", "host", "bench-2");

    @Test
    void postsTheAlarmAsJsonWithTheBearerToken() throws Exception {
        try (WebhookServer server = new WebhookServer()) {
            new WebhookNotifier(server.url(), "t0ken", Duration.ofSeconds(5)).send(fault, run);
            assertEquals(1, server.received.size());
            WebhookServer.Received r = server.received.getFirst();
            assertEquals("Bearer t0ken", r.authorization());
            assertEquals("application/json", r.contentType());
            JsonNode json = new ObjectMapper().readTree(r.body());
            assertEquals("fault", json.path("kind").asText());
            assertEquals("pouch-1", json.path("cell_id").asText());
            assertEquals("run-7", json.path("run_id").asText());
        }
    }

    @Test
    void failuresSayWhatWentWrongButNeverTheUrl() throws Exception {
        try (WebhookServer server = new WebhookServer()) {
            server.status = () -> 503;
            var e = assertThrows(Notifier.NotifyException.class, () ->
                    new WebhookNotifier(server.url(), null, Duration.ofSeconds(5)).send(fault, run));
            assertEquals("the server answered HTTP 503", e.getMessage());

            server.status = () -> 204;
            server.stall = new CountDownLatch(1);
            var slow = assertThrows(Notifier.NotifyException.class, () ->
                    new WebhookNotifier(server.url(), null, Duration.ofSeconds(1)).send(fault, run));
            assertEquals("no answer within 1 s", slow.getMessage());
        }
        // refused for sure: a port held by a socket that never listens (port 1 could have a listener)
        try (DeadPort dead = new DeadPort()) {
            URI gone = URI.create("http://127.0.0.1:" + dead.port() + "/hook/secret-path");
            var refused = assertThrows(Notifier.NotifyException.class, () ->
                    new WebhookNotifier(gone, "t0ken", Duration.ofSeconds(2)).send(fault, run));
            assertFalse(refused.getMessage().contains("secret-path") || refused.getMessage().contains("127.0.0.1"),
                    refused.getMessage());
            assertFalse(new WebhookNotifier(gone, "t0ken", Duration.ofSeconds(2)).toString().contains("secret"));
        }
    }

    @Test
    void aFailedDeliveryIsRecordedAndRetriedWithBackOffWhileTheRunGoesOn() throws Exception {
        List<RunEvent.Notice> recorded = new CopyOnWriteArrayList<>();
        try (WebhookServer server = new WebhookServer()) {
            AtomicInteger calls = new AtomicInteger();
            server.status = () -> calls.incrementAndGet() <= 2 ? 500 : 204;
            server.stall = new CountDownLatch(1); // the server hangs until the test lets it go
            AlarmDispatcher dispatcher = new AlarmDispatcher(
                    List.of(new WebhookNotifier(server.url(), null, Duration.ofSeconds(30))),
                    Set.of(Alarm.Kind.values()), new AlarmRateLimit(Duration.ofMinutes(10), InstantSource.system()),
                    5, Duration.ofMillis(100), run, recorded::add, Duration.ofSeconds(30));
            // The server holds the first request: raising must still return at once (a cell's
            // thread calls it), or this test would never get past these lines to release it.
            dispatcher.raise(fault);
            dispatcher.raise(Alarm.of(Alarm.Kind.COMPLETED, "pouch-2", Severity.INFO, "all steps completed",
                    Instant.now()));
            server.stall.countDown();
            dispatcher.close();
            assertEquals(List.of("fault", "completed"), server.received.stream()
                    .map(r -> r.body().replaceAll(".*\"kind\":\"([a-z_]+)\".*", "$1")).toList());
            assertEquals(4, server.requests.get(), "two failures, then both delivered");
            assertEquals(2, recorded.size(), recorded.toString());
            assertEquals("fault alarm not delivered by webhook (attempt 1 of 5): the server answered HTTP 500; "
                    + "next try in 0.1 s", recorded.get(0).message());
            assertTrue(recorded.get(1).message().contains("(attempt 2 of 5)") && recorded.get(1).message()
                    .endsWith("next try in 0.2 s"), "the delay doubles: " + recorded.get(1).message());
            assertEquals("pouch-1", recorded.get(0).cellId());
        }
    }

    @Test
    void afterTheLastAttemptItGivesUpAndSaysSo() throws Exception {
        List<RunEvent.Notice> recorded = new CopyOnWriteArrayList<>();
        try (WebhookServer server = new WebhookServer()) {
            server.status = () -> 500;
            AlarmDispatcher dispatcher = new AlarmDispatcher(
                    List.of(new WebhookNotifier(server.url(), null, Duration.ofSeconds(5))),
                    Set.of(Alarm.Kind.values()), new AlarmRateLimit(Duration.ofMinutes(10), InstantSource.system()),
                    3, Duration.ofMillis(10), run, recorded::add, Duration.ofSeconds(30));
            dispatcher.raise(fault);
            dispatcher.close();
            assertEquals(3, server.requests.get());
            assertEquals(Severity.ALARM, recorded.getLast().severity());
            assertTrue(recorded.getLast().message().endsWith("(attempt 3 of 3): the server answered HTTP 500; given up"),
                    recorded.getLast().message());
        }
    }

    @Test
    void theRateLimitSendsOneAndASummaryAndOnlyTheKindsAsked() throws Exception {
        try (WebhookServer server = new WebhookServer()) {
            AlarmDispatcher dispatcher = new AlarmDispatcher(
                    List.of(new WebhookNotifier(server.url(), null, Duration.ofSeconds(5))),
                    Set.of(Alarm.Kind.FAULT), new AlarmRateLimit(Duration.ofMinutes(10), InstantSource.system()),
                    1, Duration.ofMillis(10), run, n -> { }, Duration.ofSeconds(30));
            for (int i = 0; i < 5; i++) {
                dispatcher.raise(fault);
            }
            dispatcher.raise(Alarm.of(Alarm.Kind.COMPLETED, "pouch-2", Severity.INFO, "done", Instant.now()));
            dispatcher.close();
            assertEquals(2, server.received.size(), server.received.toString());
            assertTrue(server.received.get(1).body().contains("\"suppressed\":4"), server.received.get(1).body());
        }
    }
}
