package io.cellbench.importers.maccor;

import io.cellbench.importers.ImportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where each known column of a Maccor export is (-1 when absent), and which others become aux columns. */
final class MaccorColumns {

    int record = -1;
    int cycle = -1;
    int step = -1;
    int testTime = -1;
    int stepTime = -1;
    int ampHours = -1;
    int wattHours = -1;
    int amps = -1;
    int volts = -1;
    int state = -1;
    int dateTime = -1;
    boolean minutes;
    final List<String> auxNames = new ArrayList<>();
    final List<Integer> auxAt = new ArrayList<>();

    static MaccorColumns of(Path file, String[] names) throws ImportException {
        MaccorColumns c = new MaccorColumns();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            switch (name) {
                case "Rec#" -> c.record = i;
                case "Cyc#" -> c.cycle = i;
                case "Step" -> c.step = i;
                case "TestTime" -> c.testTime = i;
                case "Test (Min)" -> {
                    c.testTime = i;
                    c.minutes = true;
                }
                case "StepTime", "Step (Min)" -> c.stepTime = i;
                case "Amp-hr" -> c.ampHours = i;
                case "Watt-hr" -> c.wattHours = i;
                case "Amps" -> c.amps = i;
                case "Volts" -> c.volts = i;
                case "State" -> c.state = i;
                case "DPt Time" -> c.dateTime = i;
                case "ES", "" -> {
                }
                default -> {
                    c.auxNames.add(name);
                    c.auxAt.add(i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (c.testTime < 0) {
            missing.add("TestTime or Test (Min)");
        }
        if (c.amps < 0) {
            missing.add("Amps");
        }
        if (c.volts < 0) {
            missing.add("Volts");
        }
        if (c.state < 0) {
            missing.add("State");
        }
        if (!missing.isEmpty()) {
            throw ImportException.atLine(file, 2, "no " + String.join(", ", missing) + " column; the columns are "
                    + String.join(", ", names));
        }
        return c;
    }
}
