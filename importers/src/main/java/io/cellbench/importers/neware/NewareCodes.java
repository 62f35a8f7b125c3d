package io.cellbench.importers.neware;

import io.cellbench.importers.StepType;
import io.cellbench.importers.StepType.Direction;
import java.util.Map;

/**
 * Neware's numeric codes: step types ("status") and current ranges. The values are facts read
 * from Neware's own BTSDA exports of the reference files and documented by NewareNDA and fastnda
 * (BSD); the table here is ours. An unknown code is an error, never a guess: a wrong multiplier
 * would scale every current by a power of ten without anyone noticing.
 */
final class NewareCodes {

    private static final Map<Integer, StepType> STEP_TYPES = Map.ofEntries(
            Map.entry(1, new StepType("CC_Chg", Direction.CHARGE)),
            Map.entry(2, new StepType("CC_DChg", Direction.DISCHARGE)),
            // a constant-voltage step is a hold: cellbench's cycle rule does not count holds
            Map.entry(3, new StepType("CV_Chg", Direction.NEITHER)),
            Map.entry(4, new StepType("Rest", Direction.NEITHER)),
            Map.entry(5, new StepType("Cycle", Direction.NEITHER)),
            Map.entry(7, new StepType("CCCV_Chg", Direction.CHARGE)),
            Map.entry(8, new StepType("CP_DChg", Direction.DISCHARGE)),
            Map.entry(9, new StepType("CP_Chg", Direction.CHARGE)),
            Map.entry(10, new StepType("CR_DChg", Direction.DISCHARGE)),
            Map.entry(13, new StepType("Pause", Direction.NEITHER)),
            Map.entry(16, new StepType("Pulse", Direction.NEITHER)),
            Map.entry(17, new StepType("SIM", Direction.NEITHER)),
            Map.entry(18, new StepType("PCCCV_Chg", Direction.CHARGE)),
            Map.entry(19, new StepType("CV_DChg", Direction.NEITHER)),
            Map.entry(20, new StepType("CCCV_DChg", Direction.DISCHARGE)),
            Map.entry(21, new StepType("Control", Direction.NEITHER)),
            Map.entry(22, new StepType("OCV", Direction.NEITHER)),
            Map.entry(25, new StepType("Ramp", Direction.NEITHER)),
            Map.entry(26, new StepType("CPCV_DChg", Direction.DISCHARGE)),
            Map.entry(27, new StepType("CPCV_Chg", Direction.CHARGE)));

    /**
     * The same, indexed by code: asked once per record, and a map's look-up (boxing the code,
     * probing the table) was 1.7 % of a large .ndax import's reading thread (docs/import.md).
     */
    private static final StepType[] STEP_TYPE_BY_CODE = byCode(STEP_TYPES);

    /**
     * Current range (as the channel reports it, in mA; negative for the µA ranges) to the
     * factor that turns the stored integer current into mA (capacities: mAs).
     */
    private static final Map<Integer, Double> RANGE_MULTIPLIERS = Map.ofEntries(
            Map.entry(-100000000, 1e1),
            Map.entry(-200000, 1e-2), Map.entry(-100000, 1e-2), Map.entry(-60000, 1e-2),
            Map.entry(-50000, 1e-2), Map.entry(-40000, 1e-2), Map.entry(-30000, 1e-2),
            Map.entry(-20000, 1e-2), Map.entry(-12000, 1e-2), Map.entry(-10000, 1e-2),
            Map.entry(-6000, 1e-2), Map.entry(-5000, 1e-2), Map.entry(-3000, 1e-2),
            Map.entry(-2000, 1e-2), Map.entry(-1000, 1e-2),
            Map.entry(-500, 1e-3), Map.entry(-100, 1e-3),
            Map.entry(-50, 1e-4), Map.entry(-25, 1e-4), Map.entry(-20, 1e-4), Map.entry(-10, 1e-4),
            Map.entry(-5, 1e-5), Map.entry(-2, 1e-5), Map.entry(-1, 1e-5),
            Map.entry(0, 0.0),
            Map.entry(1, 1e-4), Map.entry(2, 1e-4), Map.entry(5, 1e-4),
            Map.entry(10, 1e-3), Map.entry(20, 1e-3), Map.entry(25, 1e-3), Map.entry(50, 1e-3),
            Map.entry(100, 1e-2), Map.entry(200, 1e-2), Map.entry(250, 1e-2), Map.entry(500, 1e-2),
            Map.entry(1000, 1e-1), Map.entry(6000, 1e-1), Map.entry(10000, 1e-1), Map.entry(12000, 1e-1),
            Map.entry(20000, 1e-1), Map.entry(30000, 1e-1), Map.entry(40000, 1e-1), Map.entry(50000, 1e-1),
            Map.entry(60000, 1e-1), Map.entry(100000, 1e-1), Map.entry(200000, 1e-1));

    /** Auxiliary channel type (TestInfo.xml ChlType) to what it measures. */
    private static final Map<Integer, String[]> AUX_TYPES = Map.of(
            103, new String[] {"temperature", "degC"},
            335, new String[] {"temperature_setpoint", "degC"},
            345, new String[] {"humidity", "%"});

    private NewareCodes() {
    }

    /** The step type of a code, or {@code null} when Neware's code is not known. */
    static StepType stepType(int code) {
        return code >= 0 && code < STEP_TYPE_BY_CODE.length ? STEP_TYPE_BY_CODE[code] : null;
    }

    private static StepType[] byCode(Map<Integer, StepType> types) {
        StepType[] byCode = new StepType[types.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        types.forEach((code, type) -> byCode[code] = type);
        return byCode;
    }

    /** The multiplier of a current range, or {@code null} when the range is not known. */
    static Double rangeMultiplier(int range) {
        return RANGE_MULTIPLIERS.get(range);
    }

    /** {name, unit} of an auxiliary channel type, or {@code null}. */
    static String[] auxType(int chlType) {
        return AUX_TYPES.get(chlType);
    }
}
