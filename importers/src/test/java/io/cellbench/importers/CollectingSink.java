package io.cellbench.importers;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader streams, for tests on small files. */
public final class CollectingSink implements RecordSink {

    public ImportMetadata metadata;
    public final List<CyclerRecord> samples = new ArrayList<>();
    public final List<ImpedanceRecord> impedance = new ArrayList<>();
    public final List<ImportNote> notes = new ArrayList<>();
    public int begins;
    public int ends;

    @Override
    public void begin(ImportMetadata metadata) {
        this.metadata = metadata;
        begins++;
    }

    @Override
    public void sample(CyclerRecord record) {
        samples.add(record);
    }

    @Override
    public void impedance(ImpedanceRecord point) {
        impedance.add(point);
    }

    @Override
    public void note(ImportNote note) {
        notes.add(note);
    }

    @Override
    public void end() {
        ends++;
    }

    public double[] column(java.util.function.ToDoubleFunction<CyclerRecord> field) {
        return samples.stream().mapToDouble(field).toArray();
    }
}
