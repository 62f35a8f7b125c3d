package io.cellbench.schedules.lab;

import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One impedance analyzer shared by several cells through its multiplexer. It measures one
 * cell at a time: cells take turns (first come, first served), and a cell's {@code abort}
 * stops its own sweep or its wait, never another cell's sweep.
 */
final class SharedAnalyzer {
    private final EisAnalyzer analyzer;
    private final ReentrantLock turn = new ReentrantLock(true);
    private volatile View measuring;

    SharedAnalyzer(EisAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The analyzer as one cell sees it; closing the view leaves the analyzer open for the others. */
    EisAnalyzer forCell(String cell) {
        return new View(cell);
    }

    private final class View implements EisAnalyzer {
        private final String cell;
        private volatile boolean aborted;

        View(String cell) {
            this.cell = cell;
        }

        @Override
        public String name() {
            return analyzer.name();
        }

        @Override
        public String identify() {
            return analyzer.identify();
        }

        @Override
        public List<ImpedancePoint> measure(int muxChannel, EisRequest request) {
            aborted = false;
            try {
                while (!turn.tryLock(100, TimeUnit.MILLISECONDS)) {
                    if (aborted) {
                        throw new InstrumentException(analyzer.name(), "measure", "cell " + cell
                                + ": aborted while waiting for the analyzer (another cell was measuring)");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstrumentException(analyzer.name(), "measure", "cell " + cell
                        + ": interrupted while waiting for the analyzer");
            }
            try {
                measuring = this;
                if (aborted) {
                    throw new InstrumentException(analyzer.name(), "measure", "cell " + cell + ": aborted");
                }
                return analyzer.measure(muxChannel, request);
            } finally {
                measuring = null;
                turn.unlock();
            }
        }

        @Override
        public void abort() {
            aborted = true;
            if (measuring == this) {
                analyzer.abort();
            }
        }

        @Override
        public void close() {
            abort();
        }
    }
}
