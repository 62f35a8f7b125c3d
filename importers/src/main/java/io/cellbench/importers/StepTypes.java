package io.cellbench.importers;

import io.cellbench.importers.StepType.Direction;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step types from free text (BDF CSV {@code step_type}, export columns): the direction is read
 * from the words vendors use. Names seen once are kept, so rows share one instance per name.
 */
public final class StepTypes {

    private static final ConcurrentHashMap<String, StepType> CACHE = new ConcurrentHashMap<>();

    private StepTypes() {
    }

    public static StepType named(String name) {
        if (name == null || name.isBlank()) {
            return StepType.UNKNOWN;
        }
        return CACHE.computeIfAbsent(name.strip(), n -> new StepType(n, directionOf(n)));
    }

    /**
     * Discharge words before charge words (discharge contains charge); a constant-voltage step is a
     * hold, which cellbench's cycle rule does not count, unless it is a CC-CV step.
     */
    static Direction directionOf(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(' ', '_');
        if (n.contains("rest") || n.contains("ocv") || n.contains("pause") || n.contains("eis")
                || n.contains("impedance")) {
            return Direction.NEITHER;
        }
        boolean hold = n.startsWith("cv") || n.contains("_cv_") || n.equals("hold") || n.startsWith("hold");
        if (n.contains("dchg") || n.contains("discharg") || n.contains("dis_")) {
            return hold ? Direction.NEITHER : Direction.DISCHARGE;
        }
        if (n.contains("chg") || n.contains("charg")) {
            return hold ? Direction.NEITHER : Direction.CHARGE;
        }
        return Direction.UNKNOWN;
    }
}
