package io.cellbench.importers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellbench.importers.StepType.Direction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step type codes as a table indexed by code: the known ones, and nothing for any other. */
class NewareCodesTest {

    @Test
    void knownCodesGiveTheirStepAndAnyOtherNone() {
        Map<Integer, String> known = Map.ofEntries(Map.entry(1, "CC_Chg"), Map.entry(2, "CC_DChg"),
                Map.entry(3, "CV_Chg"), Map.entry(4, "Rest"), Map.entry(5, "Cycle"), Map.entry(7, "CCCV_Chg"),
                Map.entry(8, "CP_DChg"), Map.entry(9, "CP_Chg"), Map.entry(10, "CR_DChg"), Map.entry(13, "Pause"),
                Map.entry(16, "Pulse"), Map.entry(17, "SIM"), Map.entry(18, "PCCCV_Chg"), Map.entry(19, "CV_DChg"),
                Map.entry(20, "CCCV_DChg"), Map.entry(21, "Control"), Map.entry(22, "OCV"), Map.entry(25, "Ramp"),
                Map.entry(26, "CPCV_DChg"), Map.entry(27, "CPCV_Chg"));
        for (int code = -300; code <= 300; code++) {
            if (known.containsKey(code)) {
                assertEquals(known.get(code), NewareCodes.stepType(code).vendorName(), "code " + code);
            } else {
                assertNull(NewareCodes.stepType(code), "code " + code);
            }
        }
        for (int code : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 28, 256, 65_535}) {
            assertNull(NewareCodes.stepType(code), "code " + code);
        }
        assertEquals(Direction.DISCHARGE, NewareCodes.stepType(2).direction());
        assertEquals(Direction.NEITHER, NewareCodes.stepType(3).direction(), "a CV hold counts as neither");
    }
}
