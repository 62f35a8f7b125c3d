package io.cellbench.daq.run;

import io.cellbench.core.data.SampleField;

/**
 * The keys of an events.jsonl line, named once for the writer ({@link EventLog}) and the reader
 * ({@link EventLogReader}). Times and counters are named as the sample columns that hold them.
 */
final class EventKeys {
    static final String TYPE = "type";
    static final String CELL_ID = RunMetadata.CELL_ID;
    static final String PROTOCOL_NAME = "protocol_name";
    static final String RESUMED = "resumed";
    static final String DESCRIPTION = "description";
    static final String REASON = "reason";
    static final String SEVERITY = "severity";
    static final String MESSAGE = "message";
    static final String OUTCOME = "outcome";
    static final String TEST_TIME = SampleField.TEST_TIME.columnName();
    static final String UNIX_TIME = SampleField.UNIX_TIME.columnName();
    static final String STEP_COUNT = SampleField.STEP_COUNT.columnName();
    /** The step's position in the protocol: {@code step_id} since BDF 1.3, {@code step_index} in older logs (read both). */
    static final java.util.List<String> STEP_ID = SampleField.STEP_ID.term().names();
    static final String CYCLE_COUNT = SampleField.CYCLE_COUNT.columnName();

    private EventKeys() {
    }
}
