package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event, in order, for assertions. */
final class RecordingListener implements RunListener {
    final List<RunEvent> events = new ArrayList<>();
    int closed;
    /** Called with the running count of recorded samples, after each is stored. */
    java.util.function.IntConsumer onSample = n -> { };
    private int sampleCount;

    @Override
    public void on(RunEvent event) {
        events.add(event);
        if (event instanceof RunEvent.SampleRecorded) {
            onSample.accept(++sampleCount);
        }
    }

    @Override
    public void close() {
        closed++;
    }

    <T extends RunEvent> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (RunEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    List<Sample> samples() {
        return of(RunEvent.SampleRecorded.class).stream().map(RunEvent.SampleRecorded::sample).toList();
    }

    /** Samples recorded in the step with this step_count. */
    List<Sample> samplesOfStep(int stepCount) {
        return samples().stream().filter(s -> s.stepCount() == stepCount).toList();
    }

    List<String> endReasons() {
        return of(RunEvent.StepEnded.class).stream().map(RunEvent.StepEnded::reason).toList();
    }

    RunEvent.RunEnded ended() {
        List<RunEvent.RunEnded> ends = of(RunEvent.RunEnded.class);
        if (ends.size() != 1) {
            throw new AssertionError("expected one RunEnded, got " + ends.size() + ": " + events);
        }
        return ends.get(0);
    }

    RunEvent last() {
        return events.get(events.size() - 1);
    }
}
