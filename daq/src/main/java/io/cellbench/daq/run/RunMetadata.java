package io.cellbench.daq.run;

import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.format.Decimals;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema metadata of a cell's Arrow files: everything needed to make sense of the file
 * on its own, without run.json. All values are strings (Arrow's rule); unknown numbers are
 * left out.
 */
public final class RunMetadata {

    public static final String RUN_ID = "run_id";
    public static final String RUN_START_TIME = "run_start_time";
    public static final String CELLBENCH_VERSION = "cellbench_version";
    public static final String CELL_ID = "cell_id";
    public static final String CELL_FORMAT = "cell_format";
    public static final String CELL_CHEMISTRY = "cell_chemistry";
    public static final String CELL_NOMINAL_CAPACITY_AH = "cell_nominal_capacity_ah";
    public static final String CELL_AREA_SQUARE_METRE = "cell_area_square_metre";
    public static final String CELL_MASS_KILOGRAM = "cell_mass_kilogram";
    public static final String CELL_NOTES = "cell_notes";
    public static final String PROTOCOL_NAME = "protocol_name";
    public static final String PROTOCOL_SOURCE = "protocol_source";
    public static final String INSTRUMENTS = "instruments";
    public static final String SEGMENT_START_UNIX_TIME = "segment_start_unix_time_second";
    public static final String RESUMED = "resumed";
    public static final String CURRENT_SIGN = "current_sign";
    /** The Battery Data Format release the sample and spectrum columns follow. */
    public static final String BDF_VERSION = "bdf_version";
    public static final String CURRENT_SIGN_VALUE = "positive while charging";

    private RunMetadata() {
    }

    public static Map<String, String> forCell(RunInfo run, RunStarted start) {
        CellInfo cell = start.cell();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RUN_ID, run.runId());
        m.put(RUN_START_TIME, run.startTime().toString());
        m.put(CELLBENCH_VERSION, run.cellbenchVersion());
        m.put(CELL_ID, start.cellId());
        m.put(CELL_FORMAT, cell.format());
        m.put(CELL_CHEMISTRY, cell.chemistry());
        putNumber(m, CELL_NOMINAL_CAPACITY_AH, cell.nominalCapacityAh());
        putNumber(m, CELL_AREA_SQUARE_METRE, cell.areaSquareMetre());
        putNumber(m, CELL_MASS_KILOGRAM, cell.massKilogram());
        m.put(CELL_NOTES, cell.notes());
        m.put(PROTOCOL_NAME, nullToEmpty(start.protocolName()));
        m.put(PROTOCOL_SOURCE, nullToEmpty(start.protocolSource()));
        m.put(INSTRUMENTS, run.instrumentsOf(start.cellId()));
        putNumber(m, SEGMENT_START_UNIX_TIME, start.unixTimeSecond());
        m.put(RESUMED, Boolean.toString(start.resumed()));
        m.put(CURRENT_SIGN, CURRENT_SIGN_VALUE);
        m.put(BDF_VERSION, BdfVersion.LATEST.number());
        return m;
    }

    private static void putNumber(Map<String, String> m, String key, double value) {
        if (!Double.isNaN(value)) {
            m.put(key, Decimals.plain(value)); // as every file writes numbers: 0.0001, not 1.0E-4
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
