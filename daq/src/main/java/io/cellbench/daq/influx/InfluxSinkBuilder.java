package io.cellbench.daq.influx;

import io.cellbench.daq.spool.Spool;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Builds an {@link InfluxSink} ({@link InfluxSink#builder}): its tags, where its notices go, and, for tests, its poster and jitter. */
public final class InfluxSinkBuilder {
    final InfluxConfig config;
    String run;
    private final Map<String, SeriesTags> cells = new HashMap<>();
    private Function<String, SeriesTags> tags;
    Consumer<SinkNotice> notices = n -> System.err.println("cellbench: " + n);
    private LinePoster poster;
    RandomGenerator random = new Random();

    InfluxSinkBuilder(InfluxConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The run tag of every point. */
    public InfluxSinkBuilder run(String runName) {
        this.run = runName;
        return this;
    }

    /** The channel and instrument tags of one cell's points. */
    public InfluxSinkBuilder cell(String cellId, String channel, String instrument) {
        cells.put(cellId, new SeriesTags(run, cellId, channel, instrument));
        return this;
    }

    /** Full control of the tags per cell id (overrides {@link #run} and {@link #cell}). */
    public InfluxSinkBuilder tags(Function<String, SeriesTags> tagsForCell) {
        this.tags = tagsForCell;
        return this;
    }

    /** Where notices go (default: the console); it must return quickly. */
    public InfluxSinkBuilder notices(Consumer<SinkNotice> listener) {
        this.notices = Objects.requireNonNull(listener, "listener");
        return this;
    }

    InfluxSinkBuilder poster(LinePoster p) {
        this.poster = p;
        return this;
    }

    InfluxSinkBuilder random(RandomGenerator r) {
        this.random = r;
        return this;
    }

    Function<String, SeriesTags> tagsFunction() {
        if (tags != null) {
            return tags;
        }
        String r = run;
        return cellId -> {
            SeriesTags t = cells.get(cellId);
            return t == null ? SeriesTags.of(r, cellId) : new SeriesTags(r, cellId, t.channel(), t.instrument());
        };
    }

    /**
     * Opens the spool (sending first what an earlier process left in it) and starts the writer.
     *
     * @throws IOException if the spool directory cannot be used or another process has it
     */
    public InfluxSink open() throws IOException {
        Spool spool = Spool.open(config.spoolDirectory(), config.spoolOptions());
        LinePoster p;
        try {
            p = poster != null ? poster : new InfluxDbJavaPoster(config);
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
        return new InfluxSink(this, spool, p);
    }
}
