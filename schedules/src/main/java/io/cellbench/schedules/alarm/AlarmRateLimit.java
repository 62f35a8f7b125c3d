package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * At most one alarm per kind and cell in each window (default 10 min), so a channel that
 * trips its pressure interlock every few seconds sends one message, not a thousand. What is
 * held back is counted and sent as one summary when the window closes. Thread-safe.
 */
public final class AlarmRateLimit {
    private record Key(Alarm.Kind kind, String cellId) {
    }

    private static final class Window {
        final Instant opened;
        int held;
        Alarm last;

        Window(Instant opened) {
            this.opened = opened;
        }
    }

    private final Duration window;
    private final InstantSource clock;
    private final Map<Key, Window> open = new HashMap<>();

    public AlarmRateLimit(Duration window, InstantSource clock) {
        this.window = window;
        this.clock = clock;
    }

    /**
     * @return what to send now: nothing (held back), the alarm, or the summary of an expired
     *         window followed by the alarm
     */
    public synchronized List<Alarm> admit(Alarm alarm) {
        Instant now = clock.instant();
        Key key = new Key(alarm.kind(), alarm.cellId());
        List<Alarm> send = new ArrayList<>();
        Window w = open.get(key);
        if (w != null && !expired(w, now)) {
            w.held++;
            w.last = alarm;
            return send;
        }
        if (w != null && w.held > 0) {
            send.add(summary(key, w, now));
        }
        open.put(key, new Window(now));
        send.add(alarm);
        return send;
    }

    /** The summaries of every window that has closed with alarms held back (call now and then). */
    public synchronized List<Alarm> expired() {
        Instant now = clock.instant();
        List<Alarm> send = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Window>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Window> e = it.next();
            if (expired(e.getValue(), now)) {
                if (e.getValue().held > 0) {
                    send.add(summary(e.getKey(), e.getValue(), now));
                }
                it.remove();
            }
        }
        return send;
    }

    /** At the end of the run: the summaries of every window with alarms held back, expired or not. */
    public synchronized List<Alarm> flush() {
        Instant now = clock.instant();
        List<Alarm> send = new ArrayList<>();
        open.forEach((k, w) -> {
            if (w.held > 0) {
                send.add(summary(k, w, now));
            }
        });
        open.clear();
        return send;
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.opened.plus(window));
    }

    private static Alarm summary(Key key, Window w, Instant now) {
        Severity severity = w.last.severity();
        String text = w.held + " more " + key.kind().label() + " alarm" + (w.held == 1 ? "" : "s")
                + (key.cellId().isEmpty() ? "" : " for cell " + key.cellId()) + " held back since "
                + w.opened + "; the last: " + w.last.message();
        return new Alarm(key.kind(), key.cellId(), severity, text, now, w.held);
    }
}
