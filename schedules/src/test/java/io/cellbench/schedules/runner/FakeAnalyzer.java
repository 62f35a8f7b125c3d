package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;

/** An analyzer that answers a fixed R-only spectrum and takes {@code sweepSecond} of virtual time. */
final class FakeAnalyzer implements EisAnalyzer {
    private final VirtualClock clock;
    private final double sweepSecond;
    final List<EisRequest> requests = new ArrayList<>();
    final List<Integer> muxChannels = new ArrayList<>();
    /** Runs during the sweep, e.g. to stop the runner from "another thread". */
    Runnable duringSweep = () -> { };
    private volatile boolean aborted;

    FakeAnalyzer(VirtualClock clock, double sweepSecond) {
        this.clock = clock;
        this.sweepSecond = sweepSecond;
    }

    @Override
    public List<ImpedancePoint> measure(int muxChannel, EisRequest request) {
        requests.add(request);
        muxChannels.add(muxChannel);
        aborted = false;
        duringSweep.run();
        if (aborted) {
            throw new InstrumentException(name(), "sweep", "aborted");
        }
        clock.advance(sweepSecond);
        List<ImpedancePoint> points = new ArrayList<>();
        for (double f : request.frequencies()) {
            points.add(new ImpedancePoint(f, 12.5, -1.0 / f));
        }
        return points;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    @Override
    public String name() {
        return "fake-eis";
    }

    @Override
    public String identify() {
        return "cellbench fake analyzer";
    }

    @Override
    public void close() {
    }
}
