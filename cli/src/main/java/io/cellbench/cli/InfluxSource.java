package io.cellbench.cli;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.daq.influx.InfluxReadException;
import io.cellbench.daq.influx.InfluxReader;
import io.cellbench.daq.influx.ReadFilter;
import io.cellbench.daq.influx.StoredPoints.StoredCycle;
import io.cellbench.daq.influx.StoredPoints.StoredImpedance;
import io.cellbench.daq.influx.StoredPoints.StoredSample;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An InfluxDB database as a {@link DataSource}. Answers come in chunks, so a month of samples
 * streams through. The cell, run, cycle range and ISO-8601 times go into the query; test-time
 * bounds are applied to the rows as they arrive.
 */
final class InfluxSource implements DataSource {
    private final InfluxConfig config;
    private final String run;
    private final InfluxReader reader;

    private InfluxSource(InfluxConfig config, String run) {
        this.config = config;
        this.run = run;
        this.reader = InfluxReader.open(config);
    }

    static InfluxSource open(InfluxConfig config, String run) {
        return new InfluxSource(config, run);
    }

    @Override
    public Optional<List<String>> cells() {
        return Optional.empty();
    }

    @Override
    public void samples(DataFilter filter, CellRows<Sample> rows) throws IOException {
        for (String cell : queriedCells(filter)) {
            try (Stream<StoredSample> points = reader.samples(query(filter, cell))) {
                Iterator<StoredSample> it = points.iterator();
                while (it.hasNext()) {
                    StoredSample p = it.next();
                    Sample s = p.sample();
                    if (filter.accepts(s.cycleCount(), s.testTimeSecond(), s.unixTimeSecond())) {
                        rows.accept(p.tags().cell(), s);
                    }
                }
            } catch (InfluxReadException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void impedance(DataFilter filter, CellRows<ImpedanceRow> rows) throws IOException {
        for (String cell : queriedCells(filter)) {
            try (Stream<StoredImpedance> points = reader.impedance(query(filter, cell))) {
                Iterator<StoredImpedance> it = points.iterator();
                while (it.hasNext()) {
                    StoredImpedance p = it.next();
                    // Point k of a sweep is stored at sweep start + k ns: take the sweep's start back.
                    double sweepStart = p.unixTimeSecond() - p.pointIndex() * 1e-9;
                    if (filter.accepts(p.cycleCount(), p.testTimeSecond(), sweepStart)) {
                        rows.accept(p.tags().cell(), new ImpedanceRow(p.tags().cell(), p.spectrumIndex(),
                                p.pointIndex(), p.testTimeSecond(), sweepStart, p.cycleCount(), p.stepCount(),
                                p.stepIndex(), p.appliedPressurePa(), p.ambientTemperatureCelsius(), p.point()));
                    }
                }
            } catch (InfluxReadException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void cycles(DataFilter filter, CellRows<CycleSummary> rows) throws IOException {
        for (String cell : queriedCells(filter)) {
            try (Stream<StoredCycle> points = reader.cycles(query(filter, cell))) {
                Iterator<StoredCycle> it = points.iterator();
                while (it.hasNext()) {
                    StoredCycle p = it.next();
                    CycleSummary c = p.summary();
                    if (filter.acceptsCycle(c.cycleCount(), c.startTestTimeSecond(), p.startUnixTimeSecond())) {
                        rows.accept(p.tags().cell(), c);
                    }
                }
            } catch (InfluxReadException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public Map<String, String> metadata(String cellId) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (run != null) {
            metadata.put("run_id", run);
        }
        metadata.put("cell_id", cellId);
        metadata.put("exported_from", config.url() + " database " + config.database());
        return metadata;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
        reader.close();
    }

    /** One query per named cell, or one for all cells (rows then carry their cell tag). */
    private static List<String> queriedCells(DataFilter filter) {
        return filter.cells().isEmpty() ? Arrays.asList((String) null) : filter.cells();
    }

    private ReadFilter query(DataFilter filter, String cell) {
        ReadFilter q = ReadFilter.all().run(run).cell(cell).cycles(filter.firstCycle(), filter.lastCycle());
        return q.between(filter.from() instanceof TimeBound.At a ? a.instant() : null,
                filter.to() instanceof TimeBound.At b ? b.instant() : null);
    }

    private IOException failure(InfluxReadException e) {
        return new IOException("InfluxDB " + config.url() + " database " + config.database() + ": " + e.getMessage(), e);
    }
}
