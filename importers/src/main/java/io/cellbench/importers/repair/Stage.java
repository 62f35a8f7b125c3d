package io.cellbench.importers.repair;

import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;

/** One repair between a reader and the next sink: passes everything on, changing rows as it must. */
abstract class Stage implements RecordSink {

    protected final RecordSink next;

    Stage(RecordSink next) {
        this.next = next;
    }

    @Override
    public void begin(ImportMetadata metadata) {
        next.begin(metadata);
    }

    @Override
    public void impedance(ImpedanceRecord point) {
        next.impedance(point);
    }

    @Override
    public void note(ImportNote note) {
        next.note(note);
    }

    @Override
    public void end() {
        report();
        next.end();
    }

    /** Sends the note that says what this stage changed (called once, at the end). */
    abstract void report();
}
