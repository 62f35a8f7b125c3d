package io.cellbench.daq.sink;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands every event to the run directory first, then to each sink in turn. The run directory
 * is the record: its failures reach the caller (the runner stops the cell). A sink's failure
 * (its spool's disk is full) is said once on the console and stops nothing; the sink raises its
 * own notices. Events a sink derives ({@link SinkContext#publish}) follow the event they came
 * from, to the record and the other sinks, in the same thread.
 *
 * <p>The same for a live run and for one that replays recorded events (an import): give it the
 * record, the sinks asked for, and a context.
 */
public final class SinkFanout implements RunListener {
    private final RunListener record;
    private final Consumer<String> console;
    private final List<Opened> sinks = new ArrayList<>();
    private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(Pending::new);
    private final AtomicBoolean closed = new AtomicBoolean();

    private record Opened(String displayName, RunSink sink, AtomicBoolean reported) {
    }

    private record Derived(int from, RunEvent event) {
    }

    /** What this thread is delivering, and what sinks derived meanwhile. */
    private static final class Pending {
        boolean delivering;
        final ArrayDeque<Derived> derived = new ArrayDeque<>();
    }

    private SinkFanout(RunListener record, Consumer<String> console) {
        this.record = record;
        this.console = console;
    }

    /**
     * Opens the sinks {@code asked} for, and every {@linkplain SinkFactory#automatic automatic}
     * one not asked for, in that order; closes those already open when one fails.
     */
    public static SinkFanout open(RunListener record, List<SinkSettings> asked, SinkContext context)
            throws IOException {
        return open(record, asked, context, Sinks.all());
    }

    static SinkFanout open(RunListener record, List<SinkSettings> asked, SinkContext context,
                           Map<String, SinkFactory> factories) throws IOException {
        SinkFanout fanout = new SinkFanout(record, context.console());
        try {
            for (SinkSettings settings : withAutomatic(asked, factories)) {
                SinkFactory factory = Sinks.named(factories, settings.name());
                int index = fanout.sinks.size();
                RunSink sink = factory.open(context.publishingTo(e -> fanout.publish(index, e)), settings);
                fanout.sinks.add(new Opened(factory.displayName(), sink, new AtomicBoolean()));
            }
        } catch (IOException | RuntimeException e) {
            fanout.close();
            throw e;
        }
        return fanout;
    }

    /**
     * Checks the settings of every sink {@code asked} for, before anything is created.
     *
     * @return the warnings to print once
     * @throws io.cellbench.core.UserError for an unknown sink or a mistake in its settings
     */
    public static List<String> check(List<SinkSettings> asked, Map<String, String> environment) {
        Map<String, SinkFactory> factories = Sinks.all();
        List<String> warnings = new ArrayList<>();
        for (SinkSettings settings : asked) {
            warnings.addAll(Sinks.named(factories, settings.name()).check(settings, environment));
        }
        return warnings;
    }

    private static List<SinkSettings> withAutomatic(List<SinkSettings> asked, Map<String, SinkFactory> factories) {
        Set<String> named = new LinkedHashSet<>();
        asked.forEach(s -> named.add(s.name()));
        List<SinkSettings> all = new ArrayList<>(asked);
        factories.values().stream().filter(f -> f.automatic() && !named.contains(f.name()))
                .forEach(f -> all.add(SinkSettings.of(f.name())));
        return all;
    }

    @Override
    public void on(RunEvent event) {
        if (sinks.isEmpty()) {
            record.on(event); // no sink: nothing to hand on, nothing derived
            return;
        }
        deliverWithDerived(-1, event);
    }

    private void publish(int from, RunEvent event) {
        Pending p = pending.get();
        if (p.delivering) {
            p.derived.add(new Derived(from, event)); // after the event being handled
        } else {
            deliverWithDerived(from, event);
        }
    }

    private void deliverWithDerived(int from, RunEvent event) {
        Pending p = pending.get();
        p.delivering = true;
        try {
            deliver(from, event);
            for (Derived d = p.derived.poll(); d != null; d = p.derived.poll()) {
                deliver(d.from(), d.event());
            }
        } finally {
            p.delivering = false;
            p.derived.clear();
        }
    }

    /** To the record, then to every sink but the one it came from ({@code from}; -1: the run). */
    private void deliver(int from, RunEvent event) {
        record.on(event);
        for (int i = 0; i < sinks.size(); i++) {
            if (i == from) {
                continue;
            }
            Opened o = sinks.get(i);
            try {
                o.sink().on(event);
            } catch (RuntimeException e) {
                if (o.reported().compareAndSet(false, true)) {
                    console.accept("cellbench: " + o.displayName() + " is not getting this run's data any more: "
                            + e.getMessage() + " (the run directory still records everything)");
                }
            }
        }
    }

    /** The longest a sink may take to close (Ctrl-C waits that much longer). */
    public Duration closePatience() {
        return sinks.stream().map(o -> o.sink().closePatience()).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Where the sinks take the impedance fits of {@code circuit}, in order. */
    public List<io.cellbench.daq.impedance.SweepFits.Output> fits(io.cellbench.impedance.circuit.Circuit circuit) {
        return sinks.stream().map(o -> o.sink().fits(circuit)).flatMap(Optional::stream).toList();
    }

    /** What the sinks show in {@code cellbench status}, in order. */
    public List<SinkStatus> statuses() {
        return sinks.stream().map(o -> o.sink().status()).flatMap(Optional::stream).toList();
    }

    /**
     * Closes the sinks in order, each once (they finish sending and say how it went); not the
     * record, which its owner closes after them.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Opened o : sinks) {
            try {
                o.sink().close();
            } catch (RuntimeException e) {
                console.accept("cellbench: warning: closing " + o.displayName() + " failed: " + e.getMessage());
            }
        }
    }
}
