package io.cellbench.schedules.runner;

import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;

/**
 * The cell's latest readings and how they are taken: the channel on every sample, the fixture
 * and the chamber every auxiliary period (all through {@link InstrumentReads}, the one retry
 * loop), and what the interlocks make of the auxiliary reads. Owned by the runner thread;
 * nothing here allocates per sample except a recorded point.
 */
final class Readings {
    private final InstrumentReads reads;
    private final PressureFixture fixture;
    private final TemperatureChamber chamber;
    private final double auxPeriod;
    private final Holds holds;
    private final Interlock pressureInterlock;
    private final Interlock temperatureInterlock;

    private double time;
    private double volt = Double.NaN;
    private double ampere = Double.NaN;
    private double cellCelsius = Double.NaN;
    private double nextAuxTime = Double.NEGATIVE_INFINITY;
    private boolean auxReadThisSample;
    private double pressurePa = Double.NaN;
    private double chamberCelsius = Double.NaN;

    Readings(CellSetup setup, InstrumentReads reads, Holds holds) {
        this.reads = reads;
        this.fixture = setup.pressureFixture();
        this.chamber = setup.chamber();
        this.auxPeriod = setup.auxiliaryPeriodSecond();
        this.holds = holds;
        Coordination c = setup.coordination();
        this.pressureInterlock = fixture == null ? null : Interlock.pressure(c.pressureInterlock());
        this.temperatureInterlock = chamber == null ? null : Interlock.chamberTemperature(c.temperatureInterlock());
    }

    /**
     * Reads V and I, retrying as the fault policy says; true when it took more than one attempt.
     * At rest with the cell disconnected (relay open) nothing is measured and no current flows.
     */
    boolean channel(boolean resting) throws RunEnd, InterruptedException {
        ChannelReading r = reads.channel(resting);
        boolean unmeasured = resting && r.disconnected();
        volt = r.voltageVolt();
        ampere = unmeasured ? 0 : r.currentAmpere();
        cellCelsius = r.temperatureCelsius();
        return reads.retried();
    }

    /** The readings are the sample at {@code unix}. */
    void at(double unix) {
        time = unix;
    }

    /** Reads the fixture and the chamber at {@code now} if their period is up. */
    void auxiliariesIfDue(double now) throws RunEnd, InterruptedException {
        auxReadThisSample = now >= nextAuxTime;
        if (auxReadThisSample) {
            auxiliaries(now);
        }
    }

    /** Reads the fixture and the chamber now, whatever their schedule, and lets the interlocks see the reads. */
    void auxiliaries(double now) throws RunEnd, InterruptedException {
        nextAuxTime = now + auxPeriod;
        if (fixture != null) {
            pressurePa = reads.pressurePa();
        }
        if (chamber != null) {
            chamberCelsius = reads.chamberCelsius();
        }
        if (pressureInterlock != null) {
            pressureInterlock.offer(pressurePa, now, holds);
        }
        if (temperatureInterlock != null) {
            temperatureInterlock.offer(chamberCelsius, now, holds);
        }
    }

    /** What the safety window says of these readings, or null. */
    String violation(SafetyWindow window) {
        return window.violation(volt, ampere, cellCelsius, chamberCelsius, pressurePa);
    }

    /** These readings as a recorded point. */
    Sample sample(double testTime, Counters counters, int stepIndex, int stepRecordIndex) {
        return new Sample(testTime, time, volt, ampere,
                counters.cycleCount(), counters.stepCount(), stepIndex,
                counters.chargingAh(), counters.dischargingAh(), counters.stepAh(), counters.netAh(),
                counters.cumulativeAh(),
                counters.chargingWh(), counters.dischargingWh(), counters.stepWh(), counters.netWh(),
                counters.cumulativeWh(),
                Counters.watt(volt, ampere), pressurePa, ambientCelsius(), stepRecordIndex,
                counters.totalChargingAh(), counters.totalDischargingAh(), counters.totalChargingWh(),
                counters.totalDischargingWh());
    }

    /** The chamber's temperature when there is a chamber, else the channel's thermocouple. */
    double ambientCelsius() {
        return chamber != null ? chamberCelsius : cellCelsius;
    }

    /** The pressure interlock, or {@code null} when none is set or the cell has no fixture. */
    Interlock pressureInterlock() {
        return pressureInterlock;
    }

    /** The temperature interlock, or {@code null} when none is set or the cell has no chamber. */
    Interlock temperatureInterlock() {
        return temperatureInterlock;
    }

    boolean auxReadThisSample() {
        return auxReadThisSample;
    }

    double time() {
        return time;
    }

    double volt() {
        return volt;
    }

    double ampere() {
        return ampere;
    }

    double pressurePa() {
        return pressurePa;
    }

    double chamberCelsius() {
        return chamberCelsius;
    }
}
