package io.cellbench.daq.testing;

import io.cellbench.core.data.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * A toy cell cycled at constant current, producing samples with consistent BDF counters, so
 * run-directory tests have realistic cycles to summarise.
 */
public final class CyclingCell {

    private final double currentA;
    private final double dtSecond;
    private final double unixStart;
    private double t;
    private int cycle = 1;
    private int step;
    private double chargeAh;
    private double dischargeAh;
    private double chargeWh;
    private double dischargeWh;
    private double netAh;
    private double cumulativeAh;
    private double netWh;
    private double cumulativeWh;

    public CyclingCell(double currentA, double dtSecond, double unixStart) {
        this.currentA = currentA;
        this.dtSecond = dtSecond;
        this.unixStart = unixStart;
    }

    /** One cycle: {@code points} charge samples from 3.0 V up to 4.2 V, then {@code points} discharge samples back. */
    public List<Sample> cycle(int points) {
        List<Sample> out = new ArrayList<>();
        out.addAll(step(+1, points, 3.0, 4.2));
        out.addAll(step(-1, points, 4.1, 3.0));
        cycle++;
        chargeAh = dischargeAh = chargeWh = dischargeWh = 0;
        return out;
    }

    private List<Sample> step(int sign, int points, double fromV, double toV) {
        step++;
        List<Sample> out = new ArrayList<>();
        double stepAh = 0;
        double stepWh = 0;
        for (int k = 0; k < points; k++) {
            double v = fromV + (toV - fromV) * k / (points - 1);
            double i = sign * currentA;
            if (k > 0) {
                double dAh = currentA * dtSecond / 3600;
                double dWh = dAh * v;
                if (sign > 0) {
                    chargeAh += dAh;
                    chargeWh += dWh;
                } else {
                    dischargeAh += dAh;
                    dischargeWh += dWh;
                }
                stepAh += sign * dAh;
                stepWh += sign * dWh;
                netAh += sign * dAh;
                netWh += sign * dWh;
                cumulativeAh += dAh;
                cumulativeWh += dWh;
                t += dtSecond;
            }
            out.add(new Sample(t, unixStart + t, v, i, cycle, step, sign > 0 ? 1 : 2,
                    chargeAh, dischargeAh, stepAh, netAh, cumulativeAh,
                    chargeWh, dischargeWh, stepWh, netWh, cumulativeWh,
                    v * i, 25e6, 25.0, 1, chargeAh, dischargeAh, chargeWh, dischargeWh));
        }
        t += dtSecond;
        return out;
    }

    public double testTime() {
        return t;
    }

    public int cycleCount() {
        return cycle;
    }
}
