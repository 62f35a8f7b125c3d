package io.cellbench.core.instrument;

import java.util.List;

/** An impedance analyzer (potentiostat with FRA), possibly shared through a multiplexer. */
public interface EisAnalyzer extends Instrument {

    /**
     * Runs a sweep on the given multiplexer channel (0 when there is no multiplexer) and
     * blocks until it ends. The cell is left at open circuit afterwards.
     */
    List<ImpedancePoint> measure(int muxChannel, EisRequest request);

    /** Stops a running sweep from another thread; {@link #measure} then throws. */
    void abort();
}
