package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedEisAnalyzer;
import io.cellbench.fixtures.wire.palmsens.MethodScriptSimulator;
import java.util.List;
import java.util.Map;

/**
 * A MethodSCRIPT simulator with a coin cell on multiplexer channel 1 and a pouch cell on
 * channel 2, in a stepped clock, and an in-process twin: the same two cells behind a
 * {@link SimulatedEisAnalyzer} in a clock of its own. A sweep through the driver must give the
 * twin's spectrum within noise and spend the same lab time.
 */
final class EisBench implements AutoCloseable {
    static final double START = 1.7e9;
    /** Each side adds 0.2 % of |Z| to each part: 7 σ of the difference. */
    static final double TOLERANCE = 7 * Math.sqrt(2) * 0.002;
    static final EisRequest SWEEP = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 100e3, 100e-3, 5, 0.01);

    final SharedVirtualClock clock = new SharedVirtualClock(START);
    final VirtualClock twinClock = new VirtualClock(START);
    final MethodScriptSimulator simulator;
    final SimulatedEisAnalyzer twin;
    private final SimulatedCell pouchCell;

    EisBench() {
        pouchCell = pouch();
        simulator = new MethodScriptSimulator("palmsens-sim", Map.of(1, coin(), 2, pouchCell), clock, 1);
        twin = new SimulatedEisAnalyzer("twin", twinClock, Map.of(1, coin(), 2, pouch()));
    }

    static SimulatedCell coin() {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.completeFormation();
        cell.restAt(0.5);
        return cell;
    }

    static SimulatedCell pouch() {
        SimulatedCell cell = new SimulatedCell(CellParameters.pouch());
        cell.completeFormation();
        cell.restAt(0.8);
        return cell;
    }

    /** Fails unless the two spectra have the same frequencies and Z within noise. */
    static void assertSameSpectrum(List<ImpedancePoint> wire, List<ImpedancePoint> local) {
        assertEquals(local.size(), wire.size(), "points");
        for (int i = 0; i < wire.size(); i++) {
            ImpedancePoint w = wire.get(i);
            ImpedancePoint l = local.get(i);
            // a package keeps at least 2^27/1000 ≈ 134 218 steps of its prefix: 7.5 ppm at worst
            assertEquals(l.frequencyHz(), w.frequencyHz(), l.frequencyHz() * 1e-5, "frequency of point " + i);
            double tolerance = TOLERANCE * Math.hypot(l.zRealOhm(), l.zImagOhm());
            if (Math.abs(w.zRealOhm() - l.zRealOhm()) > tolerance || Math.abs(w.zImagOhm() - l.zImagOhm()) > tolerance) {
                throw new AssertionError("point " + i + ": over the wire " + w + ", in process " + l);
            }
        }
    }

    /** The pouch cell's (channel 2) voltage now, V. */
    double pouchVolt() {
        return pouchCell.terminalVoltage();
    }

    /** Lab seconds each clock has moved. */
    double wireSeconds() {
        return clock.nowUnixSeconds() - START;
    }

    double twinSeconds() {
        return twinClock.nowUnixSeconds() - START;
    }

    @Override
    public void close() {
        simulator.close();
        twin.close();
    }
}
