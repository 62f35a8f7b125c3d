package io.cellbench.daq.influx;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.daq.influx.StoredPoints.StoredCycle;
import io.cellbench.daq.influx.StoredPoints.StoredImpedance;
import io.cellbench.daq.influx.StoredPoints.StoredSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Streams a run's {@code samples}, {@code cycles} and {@code impedance} back out of InfluxDB
 * as plain records, for the command line to print or convert. Answers come in chunks
 * ({@code chunked=true}), so a run of millions of samples never sits in memory whole; close
 * each stream (try-with-resources) to stop the server's answer early.
 *
 * <pre>{@code
 * try (InfluxReader reader = InfluxReader.open(config);
 *      Stream<StoredSample> samples = reader.samples(ReadFilter.all().run("r1").cell("A1").cycles(1, 10))) {
 *     samples.forEach(s -> ...);
 * }
 * }</pre>
 */
public final class InfluxReader implements AutoCloseable {

    private static final int QUEUED_CHUNKS = 4;

    private final InfluxDB influx;
    private final String database;
    private final String retentionPolicy;

    private InfluxReader(InfluxConfig config) {
        this.influx = InfluxConnection.connect(config, InfluxConnection.http(config));
        this.database = config.database();
        this.retentionPolicy = config.retentionPolicy();
    }

    public static InfluxReader open(InfluxConfig config) {
        return new InfluxReader(config);
    }

    /** Samples in time order. */
    public Stream<StoredSample> samples(ReadFilter filter) {
        return rows(PointEncoder.SAMPLES, filter, r -> new StoredSample(r.tags(), SampleField.sample(r)));
    }

    /** Cycle summaries in time order (capacity fade: discharge capacity against cycle count). */
    public Stream<StoredCycle> cycles(ReadFilter filter) {
        return rows(PointEncoder.CYCLES, filter, r -> new StoredCycle(r.tags(), r.unixTime(), CycleField.summary(r)));
    }

    /** Impedance points in time order: sweep after sweep, each from its first frequency. */
    public Stream<StoredImpedance> impedance(ReadFilter filter) {
        return rows(PointEncoder.IMPEDANCE, filter, r -> new StoredImpedance(r.tags(), r.unixTime(),
                r.integer(SpectrumField.SPECTRUM_INDEX), r.integer(SpectrumField.POINT_INDEX),
                r.number(SpectrumField.TEST_TIME), r.integer(SpectrumField.CYCLE_COUNT),
                r.integer(SpectrumField.STEP_COUNT), r.integer(SpectrumField.STEP_ID),
                r.number(SpectrumField.APPLIED_PRESSURE), r.number(SpectrumField.AMBIENT_TEMPERATURE),
                SpectrumField.point(r)));
    }

    @Override
    public void close() {
        influx.close();
    }

    /** The InfluxQL this reader sends for a measurement and filter (strings go as bound parameters). */
    static String influxQl(String measurement, ReadFilter f, String cycleField, String retentionPolicy) {
        StringBuilder q = new StringBuilder("SELECT * FROM ");
        if (!retentionPolicy.isEmpty()) {
            q.append('"').append(retentionPolicy.replace("\"", "\\\"")).append("\".");
        }
        q.append('"').append(measurement).append('"');
        List<String> where = new ArrayList<>();
        if (f.run() != null) {
            where.add("\"run\" = $run");
        }
        if (f.cell() != null) {
            where.add("\"cell\" = $cell");
        }
        if (f.firstCycle() != null) {
            where.add("\"" + cycleField + "\" >= " + f.firstCycle());
        }
        if (f.lastCycle() != null) {
            where.add("\"" + cycleField + "\" <= " + f.lastCycle());
        }
        if (f.from() != null) {
            where.add("time >= " + nanos(f.from()));
        }
        if (f.to() != null) {
            where.add("time < " + nanos(f.to()));
        }
        if (!where.isEmpty()) {
            q.append(" WHERE ").append(String.join(" AND ", where));
        }
        return q.append(" ORDER BY time ASC").toString();
    }

    private <T> Stream<T> rows(String measurement, ReadFilter filter, Function<Row, T> convert) {
        BoundParameterQuery.QueryBuilder builder = BoundParameterQuery.QueryBuilder
                .newQuery(influxQl(measurement, filter, SampleField.CYCLE_COUNT.columnName(), retentionPolicy)).forDatabase(database);
        if (filter.run() != null) {
            builder.bind("run", filter.run());
        }
        if (filter.cell() != null) {
            builder.bind("cell", filter.cell());
        }
        ChunkIterator chunks = new ChunkIterator(builder.create(), filter.chunkSize());
        Iterator<T> it = new Iterator<>() {
            Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!chunks.hasNext()) {
                        return false;
                    }
                    current = chunks.next().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return convert.apply(current.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(chunks::cancel);
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** Turns influxdb-java's chunk callbacks into a bounded queue read by the stream's thread. */
    private final class ChunkIterator implements Iterator<List<Row>> {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final AtomicReference<InfluxDB.Cancellable> call = new AtomicReference<>();
        private volatile boolean cancelled;
        private List<Row> next;
        private boolean done;

        private static final Object END = new Object();

        ChunkIterator(Query query, int chunkSize) {
            influx.query(query, chunkSize, (cancellable, result) -> {
                call.set(cancellable);
                if ("DONE".equals(result.getError())) {
                    put(END);
                } else if (result.getError() != null) {
                    put(new InfluxReadException("InfluxDB query failed: " + result.getError()));
                } else {
                    put(result);
                }
            }, () -> { }, failure -> put(new InfluxReadException("InfluxDB query failed: " + failure.getMessage())));
        }

        private void put(Object item) {
            try {
                while (!cancelled && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the reader is slow: wait (backpressure), unless it gave up
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void cancel() {
            cancelled = true;
            InfluxDB.Cancellable c = call.get();
            if (c != null) {
                c.cancel();
            }
            queue.clear();
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                Object item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InfluxReadException("interrupted while reading from InfluxDB");
                }
                if (item == END) {
                    done = true;
                } else if (item instanceof InfluxReadException e) {
                    done = true;
                    throw e;
                } else {
                    next = rowsOf((QueryResult) item);
                }
            }
            return next != null;
        }

        @Override
        public List<Row> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<Row> rows = next;
            next = null;
            return rows;
        }
    }

    private static List<Row> rowsOf(QueryResult result) {
        List<Row> rows = new ArrayList<>();
        if (result.getResults() == null) {
            return rows;
        }
        for (QueryResult.Result r : result.getResults()) {
            if (r.getError() != null) {
                throw new InfluxReadException("InfluxDB query failed: " + r.getError());
            }
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < s.getColumns().size(); i++) {
                    index.put(s.getColumns().get(i), i);
                }
                for (List<Object> values : s.getValues()) {
                    rows.add(new Row(index, values, s.getTags()));
                }
            }
        }
        return rows;
    }

    /**
     * One answer row, by column: a field is found by its name or an alias, an absent one reads as
     * NaN (numbers) or 0 (counts); a unix time column is the point's time.
     */
    private record Row(Map<String, Integer> index, List<Object> values, Map<String, String> groupTags)
            implements ColumnSource {

        Object get(String column) {
            Integer i = index.get(column);
            return i == null ? null : values.get(i);
        }

        private Object get(DataColumn<?> column) {
            for (String name : column.term().names()) {
                Object v = get(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        @Override
        public double number(DataColumn<?> column) {
            if (column.term().equals(SampleField.UNIX_TIME.term())) {
                return unixTime();
            }
            return get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
        }

        @Override
        public int integer(DataColumn<?> column) {
            return get(column) instanceof Number n ? n.intValue() : 0;
        }

        String s(String column) {
            Object v = get(column);
            if (v == null && groupTags != null) {
                return groupTags.get(column);
            }
            return v == null ? null : v.toString();
        }

        SeriesTags tags() {
            return new SeriesTags(s("run"), s("cell"), s("channel"), s("instrument"));
        }

        double unixTime() {
            Instant t = Instant.parse(s("time"));
            return Timestamps.seconds(nanos(t));
        }
    }
}
