package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * Reads the cell's instruments (channel, fixture, chamber) through the fault policy. Each
 * failed read is timed from when it began, so a policy with a time bound counts the time a
 * read spent waiting out its timeout; the status shows the incident (since when, the last
 * failure) until a read succeeds again. Owned by the runner thread; nothing here allocates on
 * a read that succeeds at once.
 */
final class InstrumentReads {
    private final LabClock clock;
    private final CyclerChannel channel;
    private final PressureFixture fixture;
    private final TemperatureChamber chamber;
    private final ReadRetryPolicy policy;
    private final LiveStatus status;
    private final DoubleUnaryOperator testTime;
    private final BooleanSupplier stopRequested;
    private final Read readPressure;
    private final Read readTemperature;
    /** When the ongoing incident's first failed read began (unix s); NaN when reads succeed. */
    private double incidentBegan = Double.NaN;
    private boolean retried;

    InstrumentReads(CellSetup setup, LiveStatus status, DoubleUnaryOperator testTime, BooleanSupplier stopRequested) {
        this.clock = setup.clock();
        this.channel = setup.channel();
        this.fixture = setup.pressureFixture();
        this.chamber = setup.chamber();
        this.policy = setup.faultPolicy();
        this.status = status;
        this.testTime = testTime;
        this.stopRequested = stopRequested;
        this.readPressure = fixture == null ? null : fixture::readPressurePa;
        this.readTemperature = chamber == null ? null : chamber::readTemperatureCelsius;
    }

    /**
     * Reads V and I. A reading with NaN in either is a failed read, except at rest with the
     * relay open ({@code resting} and {@link ChannelReading#disconnected()}): then nothing is
     * measured and that is the honest value.
     */
    ChannelReading channel(boolean resting) throws RunEnd, InterruptedException {
        int failures = 0;
        while (true) {
            double began = clock.nowUnixSeconds();
            InstrumentException failure;
            try {
                ChannelReading r = channel.read();
                if (resting && r.disconnected() || !Double.isNaN(r.voltageVolt()) && !Double.isNaN(r.currentAmpere())) {
                    answered(failures);
                    return r;
                }
                failure = new InstrumentException(channel.name(), "read", "returned no number (V "
                        + r.voltageVolt() + ", I " + r.currentAmpere() + ")");
            } catch (InstrumentException e) {
                failure = e;
            }
            retryOrThrow(failure, ++failures, began);
        }
    }

    /** Whether the last read needed retries (its values are from when it finally succeeded). */
    boolean retried() {
        return retried;
    }

    /** The fixture's pressure, Pa ({@code NaN} without a fixture). */
    double pressurePa() throws RunEnd, InterruptedException {
        return fixture == null ? Double.NaN : auxiliary(readPressure);
    }

    /** The chamber's temperature, °C ({@code NaN} without a chamber). */
    double chamberCelsius() throws RunEnd, InterruptedException {
        return chamber == null ? Double.NaN : auxiliary(readTemperature);
    }

    /** A fixture's or chamber's read (made once: reads allocate nothing). */
    @FunctionalInterface
    private interface Read {
        double value();
    }

    private double auxiliary(Read read) throws RunEnd, InterruptedException {
        int failures = 0;
        while (true) {
            double began = clock.nowUnixSeconds();
            try {
                double value = read.value();
                answered(failures);
                return value;
            } catch (InstrumentException e) {
                retryOrThrow(e, ++failures, began);
            }
        }
    }

    /**
     * Sends a set-point to the fixture or the chamber. While the instrument answers that it is
     * busy and the command is safe to repeat ({@link InstrumentException#retryLater()}: Modbus
     * exceptions 5 and 6), it is sent again as the fault policy says (its back-off, within the
     * run's fault bound); any other failure ends the step at once, as a failed command always did.
     */
    void setpoint(Runnable setpoint) throws RunEnd, InterruptedException {
        int failures = 0;
        while (true) {
            double began = clock.nowUnixSeconds();
            try {
                setpoint.run();
                answered(failures);
                return;
            } catch (InstrumentException e) {
                if (!e.retryLater()) {
                    throw e;
                }
                retryOrThrow(e, ++failures, began);
            }
        }
    }

    private void answered(int failures) {
        retried = failures > 0;
        if (retried) {
            incidentBegan = Double.NaN;
            status.answering();
            policy.recovered(failures, testTime.applyAsDouble(clock.nowUnixSeconds()));
        }
    }

    /**
     * Asks the fault policy whether to read again after {@code failure}, telling it how long the
     * read took to fail. An operator's stop ends the retrying (between two attempts, so within
     * one back-off).
     */
    private void retryOrThrow(InstrumentException failure, int attempt, double began)
            throws RunEnd, InterruptedException {
        double now = clock.nowUnixSeconds();
        if (attempt == 1) {
            incidentBegan = began;
        }
        status.failing(testTime.applyAsDouble(incidentBegan), failure.getMessage());
        if (stopRequested.getAsBoolean()) {
            throw new RunEnd(RunEvent.Outcome.STOPPED, "stopped by the operator while retrying: " + failure.getMessage());
        }
        if (!policy.retryRead(failure, attempt, testTime.applyAsDouble(now), now - began)) {
            throw failure;
        }
    }
}
