package io.cellbench.importers;

/** The fields of {@link CyclerRecord} a file may or may not provide. */
public enum Field {
    TEST_TIME, UNIX_TIME, STEP_TIME, CYCLE_COUNT, STEP_COUNT, STEP_ID, STEP_TYPE, CAPACITY, ENERGY, TEMPERATURE
}
