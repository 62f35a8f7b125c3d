package io.cellbench.cli.sim;

import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.journal.InstrumentState;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a simulated bench through the journal: the cell's charge, polarisation and
 * degradation, the fixture's setpoint and the chamber's setpoint. What a real cell and real
 * instruments would keep by themselves while the program was down.
 */
public final class SimulatedState implements InstrumentState {

    @Override
    public Map<String, double[]> save(CellInstruments instruments) {
        SimulatedBench bench = bench(instruments);
        SimulatedCell.State s = bench.cell().snapshot();
        Map<String, double[]> out = new HashMap<>();
        out.put("soc", new double[] {s.soc()});
        out.put("polarisation_volt", s.polarisationVolt());
        out.put("throughput_ah", new double[] {s.throughputAh()});
        out.put("formation_left_ah", new double[] {s.formationLeftAh()});
        out.put("side_reaction_ah", new double[] {s.sideReactionAh()});
        out.put("temperature_celsius", new double[] {s.temperatureCelsius()});
        out.put("pressure_pa", new double[] {s.pressurePa()});
        out.put("fixture_setpoint_pa", new double[] {bench.fixture().setpointPa()});
        out.put("chamber_setpoint_celsius", new double[] {bench.chamber().setpointCelsius()});
        return out;
    }

    @Override
    public void restore(CellInstruments instruments, Map<String, double[]> state) {
        if (state.isEmpty()) {
            return;
        }
        SimulatedBench bench = bench(instruments);
        bench.fixture().preloadPa(one(state, "fixture_setpoint_pa"));
        bench.chamber().setTemperatureCelsius(one(state, "chamber_setpoint_celsius"));
        bench.cell().restore(new SimulatedCell.State(one(state, "soc"), state.get("polarisation_volt"),
                one(state, "throughput_ah"), one(state, "formation_left_ah"), one(state, "side_reaction_ah"),
                one(state, "temperature_celsius"), one(state, "pressure_pa")));
    }

    private static SimulatedBench bench(CellInstruments instruments) {
        if (!(instruments.owned() instanceof SimulatedBench bench)) {
            throw new IllegalStateException("not a simulated bench: " + instruments.owned());
        }
        return bench;
    }

    private static double one(Map<String, double[]> state, String key) {
        double[] v = state.get(key);
        if (v == null || v.length != 1) {
            throw new IllegalArgumentException("the journal's simulation state has no '" + key + "'");
        }
        return v[0];
    }
}
