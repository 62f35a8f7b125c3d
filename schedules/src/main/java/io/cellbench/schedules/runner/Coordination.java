package io.cellbench.schedules.runner;

/**
 * How a cell's run fits with the other cells and the lab around it; each part {@code null}
 * when it does not apply (a runner on its own has none).
 *
 * @param analyzerQueue       the turns at the cell's shared EIS analyzer
 * @param chamberBarrier      the rule for the cell's shared chamber
 * @param pressureInterlock   pauses the cell while the stack pressure is out of band
 * @param temperatureInterlock pauses the cell while the chamber is not at temperature
 */
public record Coordination(AnalyzerQueue analyzerQueue, ChamberBarrier chamberBarrier,
                           InterlockRule pressureInterlock, InterlockRule temperatureInterlock) {
    public static final Coordination NONE = new Coordination(null, null, null, null);
}
