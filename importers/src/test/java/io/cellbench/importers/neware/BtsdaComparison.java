package io.cellbench.importers.neware;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.repair.CycleRule;
import io.cellbench.importers.reference.Table;
import java.util.Arrays;
import java.util.List;

/**
 * A Neware import against Neware's BTSDA export of the same file, with the tolerances fastnda's
 * tests hold its reader to (neware/README.md): BTSDA rounds what it prints, so times, currents and
 * counters agree only to its print precision.
 */
final class BtsdaComparison {

    private BtsdaComparison() {
    }

    static Deviation compare(String name, CollectingSink sink, Table ref) {
        Deviation d = new Deviation(name + " (" + sink.samples.size() + " rows) vs BTSDA");
        List<CyclerRecord> rows = sink.samples;
        d.compare("step time / s", sink.column(CyclerRecord::stepTimeSecond), ref.number("Time"), 0.01);
        d.compare("test time / s", sink.column(CyclerRecord::testTimeSecond), ref.number("Total Time"),
                0.0101, 1.01e-6);
        // BTSDA's Date has no zone: compare the clock's progress, not its offset
        d.compareFromFirst("unix time / s", sink.column(CyclerRecord::unixTimeSecond), ref.number("Date"), 5e-4);
        d.compare("voltage / V", sink.column(CyclerRecord::voltageVolt),
                Arrays.stream(ref.number("Voltage(mV)")).map(v -> v / 1000).toArray(), 6e-5);
        d.compare("current / mA", sink.column(r -> r.currentAmpere() * 1000),
                Arrays.stream(ref.number("Current(uA)")).map(v -> v / 1000).toArray(), 0.05);
        d.compare("|step capacity| / mAh", sink.column(r -> Math.abs(r.chargingCapacityAh() - r.dischargingCapacityAh()) * 1000),
                Arrays.stream(ref.number("Capacity(mAs)")).map(v -> Math.abs(v) / 3600).toArray(), 6e-4, 1e-6);
        d.compare("|step energy| / mWh", sink.column(r -> Math.abs(r.chargingEnergyWh() - r.dischargingEnergyWh()) * 1000),
                // fastnda: 3e-4 mWh, and up to 6e-3 mWh passes with a warning (BTSDA prints energy to 0.01 mWh in some files)
                Arrays.stream(ref.number("Energy(mWs)")).map(v -> Math.abs(v) / 3600).toArray(), 6e-3, 1e-6);
        compareAux(d, sink, ref, 1000.0, 0.06);
        List<Double> refCycles = boxed(ref.number("Cycle Index"));
        List<Double> fileCycles = rows.stream().map(r -> (double) r.cycleCount()).toList();
        if (fileCycles.equals(refCycles)) {
            d.equal("cycle (the file's)", fileCycles, refCycles);
        } else {
            // BTSDA sometimes prints a cycle it derives itself (fastnda's test accepts its 'auto' cycle then):
            // it must then equal cellbench's rule
            d.equal("cycle (cellbench's rule)", derivedCycles(rows), refCycles);
        }
        d.equal("step id", rows.stream().map(r -> (double) r.stepId()).toList(), boxed(ref.number("Step Index")));
        d.equal("step count", rows.stream().map(r -> (double) r.stepCount()).toList(), boxed(ref.number("Step Count")));
        d.equal("step type", rows.stream().map(r -> r.stepType().vendorName()).toList(),
                ref.text("Step Type").stream().map(BtsdaComparison::stepTypeName).toList());
        return d;
    }

    /** Reads a Neware reference file (under neware/) with the reader its name calls for, ending the stream once. */
    static CollectingSink read(String relative) throws Exception {
        java.nio.file.Path file = io.cellbench.testing.ReferenceData.require("neware/" + relative);
        io.cellbench.importers.CyclerFileReader reader = relative.endsWith(".ndax") ? new NdaxReader() : new NdaReader();
        CollectingSink sink = new CollectingSink();
        reader.read(file, sink);
        org.junit.jupiter.api.Assertions.assertEquals(1, sink.ends, "the reader ends the stream once");
        return sink;
    }

    /** BTSDA prints "CC Chg", "CC DChg" or "CC Dchg", "Pulse Step": the same names as the codes' with underscores. */
    static String stepTypeName(String btsda) {
        return btsda.replace(' ', '_').replace("Dchg", "DChg").replace("Pulse_Step", "Pulse");
    }

    /**
     * Aux channels: the reference's "T1", "T1(?)" … are our temperature aux columns in order,
     * "V1(mV)" or "V1" our aux voltages; {@code voltScale} turns our volts into the reference's unit.
     */
    static void compareAux(Deviation d, CollectingSink sink, Table ref, double voltScale, double voltTolerance) {
        List<io.cellbench.importers.AuxColumn> aux = sink.metadata == null ? List.of() : sink.metadata.auxColumns();
        List<Integer> temperatures = new java.util.ArrayList<>();
        List<Integer> voltages = new java.util.ArrayList<>();
        for (int i = 0; i < aux.size(); i++) {
            String name = aux.get(i).name();
            if (name.endsWith("_temperature_celsius")) {
                temperatures.add(i);
            } else if (name.endsWith("_voltage_volt")) {
                voltages.add(i);
            }
        }
        for (String column : ref.numbers().keySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([TV])(\\d+)(\\(\\?\\)|\\(mV\\))?$").matcher(column);
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(2));
            List<Integer> ours = m.group(1).equals("T") ? temperatures : voltages;
            if (java.util.Arrays.stream(ref.number(column)).allMatch(Double::isNaN)) {
                continue; // an empty column (NewareNDA's V1 of BTS 9.1 files): nothing to compare
            }
            if (n > ours.size()) {
                d.fail(column + ": the reference has it, the import has " + ours.size() + " such aux column(s)");
                continue;
            }
            int at = ours.get(n - 1);
            double scale = m.group(1).equals("T") ? 1 : voltScale;
            d.compare("aux " + column, sink.column(r -> r.aux()[at] * scale), ref.number(column),
                    m.group(1).equals("T") ? 0.051 : voltTolerance, 1e-6);
        }
    }

    /** Cycles by {@link CycleRule}, step by step. */
    static List<Double> derivedCycles(List<CyclerRecord> rows) {
        CycleRule rule = new CycleRule();
        List<Double> cycles = new java.util.ArrayList<>();
        int lastStep = Integer.MIN_VALUE;
        int cycle = 1;
        for (CyclerRecord r : rows) {
            if (r.stepCount() != lastStep) {
                cycle = rule.beginStep(r.stepType().direction());
                lastStep = r.stepCount();
            }
            cycles.add((double) cycle);
        }
        return cycles;
    }

    static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
