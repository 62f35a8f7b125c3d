package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.SampleField;
import io.cellbench.daq.cycles.CycleStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Recomputes a cell's cycle summaries from its sample files (when cycles.arrows is missing or
 * was not closed) at the speed of reading them: a month of 1 s samples is tens of millions of
 * rows, and making a {@link io.cellbench.core.data.Sample} of each costs several times the read.
 *
 * <p>{@link CycleStatistics} stays the one computation. Of each stretch of rows of one cycle in
 * one batch it is given only the rows that decide a summary, in their order: the first, those
 * with the lowest and the highest measured voltage, the last with positive and the last with
 * negative current, and the last. A summary takes its capacities, energies and times from the
 * cycle's first and last sample, its voltage range from the extremes and its end voltages from
 * the last sample of each sign of current, so these rows give the summaries all rows would.
 */
public final class ArrowCycleScan {
    private static final List<SampleField> COLUMNS = SampleColumns.TABLE;
    private static final int CYCLE = COLUMNS.indexOf(SampleField.CYCLE_COUNT);
    private static final int VOLT = COLUMNS.indexOf(SampleField.VOLTAGE);
    private static final int AMPERE = COLUMNS.indexOf(SampleField.CURRENT);

    private ArrowCycleScan() {
    }

    /** Hands {@code consumer} each cycle's summary, in order, the last (possibly unfinished) one included. */
    public static ReadReport cycles(List<Path> segments, BufferAllocator allocator, Consumer<CycleSummary> consumer)
            throws IOException {
        CycleStatistics statistics = new CycleStatistics();
        int[] rows = new int[6];
        ReadReport report = ArrowTableReader.readBatches(segments, allocator, COLUMNS, batch -> {
            int n = batch.rows();
            int start = 0;
            while (start < n) {
                int cycle = batch.integer(CYCLE, start);
                int lowest = -1;
                int highest = -1;
                int lastCharge = -1;
                int lastDischarge = -1;
                double low = Double.NaN;
                double high = Double.NaN;
                int end = start;
                for (; end < n && batch.integer(CYCLE, end) == cycle; end++) {
                    double v = batch.number(VOLT, end);
                    if (!Double.isNaN(v)) {
                        if (lowest < 0 || v < low) {
                            lowest = end;
                            low = v;
                        }
                        if (highest < 0 || v > high) {
                            highest = end;
                            high = v;
                        }
                    }
                    double a = batch.number(AMPERE, end);
                    if (a > 0) {
                        lastCharge = end;
                    } else if (a < 0) {
                        lastDischarge = end;
                    }
                }
                rows[0] = start;
                rows[1] = lowest;
                rows[2] = highest;
                rows[3] = lastCharge;
                rows[4] = lastDischarge;
                rows[5] = end - 1;
                Arrays.sort(rows);
                int previous = -1;
                for (int row : rows) {
                    if (row > previous) {
                        statistics.add(SampleField.sample(batch.at(row))).ifPresent(consumer);
                        previous = row;
                    }
                }
                start = end;
            }
        });
        statistics.finish().ifPresent(consumer);
        return report;
    }
}
