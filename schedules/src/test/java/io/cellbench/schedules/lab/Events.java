package io.cellbench.schedules.lab;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event of every cell (cells run on threads of their own). */
final class Events implements RunListener {
    private final List<RunEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(RunEvent event) {
        events.add(event);
    }

    @Override
    public void close() {
    }

    synchronized <T extends RunEvent> List<T> of(String cell, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (RunEvent e : events) {
            if (type.isInstance(e) && cellOf(e).equals(cell)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    private static String cellOf(RunEvent e) {
        return switch (e) {
            case RunEvent.RunStarted r -> r.cellId();
            case RunEvent.StepStarted r -> r.cellId();
            case RunEvent.SampleRecorded r -> r.cellId();
            case RunEvent.StepEnded r -> r.cellId();
            case RunEvent.SpectrumMeasured r -> r.cellId();
            case RunEvent.Notice r -> r.cellId();
            case RunEvent.RunEnded r -> r.cellId();
        };
    }
}
