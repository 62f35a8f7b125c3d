package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferentialCapacityTest {
    private static final double C = 0.002; // a 2 mAh coin cell

    /** A sample with what dQ/dV reads: cycle, step, V, I and the cycle's capacities. */
    private static Sample sample(int cycle, int step, double volt, double amp, double chargeAh, double dischargeAh) {
        double nan = Double.NaN;
        return new Sample(0, 0, volt, amp, cycle, step, step, chargeAh, dischargeAh, nan, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, nan, 1, chargeAh, dischargeAh, nan, nan);
    }

    @Test
    void aLinearChargeGivesFlatDqDvWhoseAreaIsTheChargePassed() {
        DifferentialCapacity dqdv = new DifferentialCapacity(Set.of(1), 0.005, 1e-7);
        // 1 mAh spread linearly from 3.0 to 3.5 V, logged every 12 mV (coarser than a bin)
        int n = 42;
        for (int k = 0; k <= n; k++) {
            double f = k / (double) n;
            dqdv.accept(sample(1, 1, 3.0 + 0.5 * f, C / 3, 0.001 * f, 0));
        }
        Curve charge = dqdv.curves().get(1).charge();
        double area = 0;
        for (int k = 0; k < charge.size(); k++) {
            area += charge.y()[k] * 0.005;
            if (charge.x()[k] > 3.01 && charge.x()[k] < 3.49) {
                assertEquals(2.0, charge.y()[k], 1e-9, "1 mAh over 0.5 V is 2 mAh/V, at " + charge.x()[k]);
            }
        }
        assertEquals(1.0, area, 1e-9);
        assertTrue(dqdv.curves().get(1).discharge().isEmpty());
    }

    @Test
    void dischargeIsNegativeAndTheConstantVoltageHoldIsLeftOut() {
        DifferentialCapacity dqdv = new DifferentialCapacity(Set.of(2), 0.01, 1e-7);
        // charge: CC from 3.5 to 3.7 V (0.4 mAh), then a hold at 3.7 V while the current decays (0.3 mAh)
        dqdv.accept(sample(2, 1, 3.5, C / 3, 0, 0));
        dqdv.accept(sample(2, 1, 3.6, C / 3, 0.0002, 0));
        dqdv.accept(sample(2, 1, 3.7, C / 3, 0.0004, 0));
        dqdv.accept(sample(2, 1, 3.7, C / 6, 0.0006, 0));
        dqdv.accept(sample(2, 1, 3.7, C / 20, 0.0007, 0));
        // discharge: 0.5 mAh from 3.6 to 3.1 V
        dqdv.accept(sample(2, 2, 3.6, -C / 3, 0.0007, 0));
        dqdv.accept(sample(2, 2, 3.1, -C / 3, 0.0007, 0.0005));
        DifferentialCapacity.CycleDqDv c = dqdv.curves().get(2);
        assertEquals(0.4, area(c.charge(), 0.01), 1e-9, "only the constant-current 0.4 mAh");
        assertEquals(-0.5, area(c.discharge(), 0.01), 1e-9);
        for (double y : c.discharge().y()) {
            assertTrue(y <= 0);
        }
    }

    @Test
    void otherCyclesAndRestsAreIgnored() {
        DifferentialCapacity dqdv = new DifferentialCapacity(Set.of(3), 0.005, 1e-7);
        dqdv.accept(sample(2, 1, 3.0, C, 0, 0));
        dqdv.accept(sample(2, 1, 3.2, C, 0.001, 0));
        dqdv.accept(sample(3, 2, 3.3, 0, 0, 0));
        dqdv.accept(sample(3, 2, 3.2, 0, 0, 0));
        assertTrue(dqdv.curves().isEmpty());
    }

    private static double area(Curve c, double bin) {
        double a = 0;
        for (double y : c.y()) {
            a += y * bin;
        }
        return a;
    }
}
