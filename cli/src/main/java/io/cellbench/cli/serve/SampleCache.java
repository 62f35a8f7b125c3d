package io.cellbench.cli.serve;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.arrow.Segments;
import io.cellbench.daq.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Each cell's test time, voltage and current, read from its sample files (all segments) and
 * kept in memory (16 bytes a sample) until the files grow. Files still being written are
 * read up to their last complete batch, so a running run shows what is on disk: the sink
 * writes a batch every 1,024 samples or 30 s of test time, whichever comes first.
 */
final class SampleCache implements AutoCloseable {
    private final Path runDirectory;
    private final BufferAllocator allocator = new RootAllocator();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    SampleCache(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    /** The cell's samples, or empty when it has no sample file yet. */
    Optional<Columns> columns(String cellId) throws IOException {
        Path cellDir = RunLayout.cellDirectory(runDirectory, cellId);
        if (!Files.isDirectory(cellDir)) {
            return Optional.empty();
        }
        Entry entry = entries.computeIfAbsent(cellId, id -> new Entry());
        entry.lock.lock();
        try {
            List<Path> segments = Segments.list(cellDir, RunLayout.SAMPLES);
            if (segments.isEmpty()) {
                return Optional.empty();
            }
            List<Long> sizes = new ArrayList<>(segments.size());
            for (Path p : segments) {
                sizes.add(Files.size(p));
            }
            if (!sizes.equals(entry.sizes)) {
                entry.columns = read(segments);
                entry.sizes = sizes;
            }
            return Optional.of(entry.columns);
        } finally {
            entry.lock.unlock();
        }
    }

    private Columns read(List<Path> segments) throws IOException {
        Builder b = new Builder();
        ArrowSampleReader.read(segments, allocator, b::add);
        return b.build();
    }

    @Override
    public void close() {
        entries.clear();
        allocator.close();
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        List<Long> sizes = List.of();
        Columns columns;
    }

    /** Samples in recording order (test time never decreases within a cell). */
    record Columns(double[] time, float[] voltage, float[] current, int size, Sample last) {

        /**
         * Samples after {@code since}, at most {@code max} (at least 2), evenly spaced by
         * index; the first and the newest are always kept.
         */
        Series after(String cellId, double since, int max) {
            int from = firstAfter(since);
            int n = size - from;
            int out = Math.min(n, Math.max(2, max));
            double[] t = new double[out];
            float[] v = new float[out];
            float[] i = new float[out];
            for (int k = 0; k < out; k++) {
                int src = out == n ? from + k : from + (int) Math.round(k * (n - 1.0) / (out - 1));
                t[k] = time[src];
                v[k] = voltage[src];
                i[k] = current[src];
            }
            return new Series(cellId, t, v, i, n);
        }

        private int firstAfter(double since) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (time[mid] <= since) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static final class Builder {
        double[] time = new double[1024];
        float[] voltage = new float[1024];
        float[] current = new float[1024];
        int size;
        Sample last;

        void add(Sample s) {
            if (size == time.length) {
                time = Arrays.copyOf(time, size * 2);
                voltage = Arrays.copyOf(voltage, size * 2);
                current = Arrays.copyOf(current, size * 2);
            }
            time[size] = s.testTimeSecond();
            voltage[size] = (float) s.voltageVolt();
            current[size] = (float) s.currentAmpere();
            size++;
            last = s;
        }

        Columns build() {
            return new Columns(time, voltage, current, size, last);
        }
    }
}
