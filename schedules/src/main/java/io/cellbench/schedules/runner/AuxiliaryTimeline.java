package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import java.util.ArrayDeque;
import java.util.Iterator;
import io.cellbench.core.data.RunEvent.Severity;
import java.util.function.BiConsumer;

/**
 * A delegated cell's stack pressure and chamber temperature. The cycler's records have neither,
 * and reach cellbench a poll period after they were taken, so the fixture and the chamber are
 * read as the program is followed (every {@link CellSetup#DEFAULT_AUXILIARY_PERIOD_SECOND}, as
 * for a directly driven cell), each reading kept with its time; a record then takes the reading
 * taken last at or before it. Records from before the first reading (those a resumed run
 * downloads for the time cellbench was down) get none: NaN, not a value read later.
 *
 * <p>A fixture or chamber that does not answer is not a fault of the cell (the cycler runs its
 * program either way): its value is NaN until it answers again, with a warning at the first
 * failure. Owned by the runner's thread.
 */
final class AuxiliaryTimeline {
    private final PressureFixture fixture;
    private final TemperatureChamber chamber;
    private final double periodSecond;
    /** {unix s, Pa, °C}, oldest first; only the last one at or before the newest record is kept of the older ones. */
    private final ArrayDeque<double[]> readings = new ArrayDeque<>();
    private double nextRead = Double.NEGATIVE_INFINITY;
    private boolean failing;

    AuxiliaryTimeline(PressureFixture fixture, TemperatureChamber chamber, double periodSecond) {
        this.fixture = fixture;
        this.chamber = chamber;
        this.periodSecond = periodSecond;
    }

    /**
     * Reads the fixture and the chamber at {@code unix} if their period is up; a failure is said
     * to {@code notice}. True when it read (the interlocks see each read once).
     */
    boolean readIfDue(double unix, BiConsumer<Severity, String> notice) {
        if (fixture == null && chamber == null || unix < nextRead) {
            return false;
        }
        nextRead = unix + periodSecond;
        String failure = null;
        double pa = Double.NaN;
        double celsius = Double.NaN;
        try {
            pa = fixture == null ? Double.NaN : fixture.readPressurePa();
        } catch (InstrumentException e) {
            failure = e.getMessage();
        }
        try {
            celsius = chamber == null ? Double.NaN : chamber.readTemperatureCelsius();
        } catch (InstrumentException e) {
            failure = failure == null ? e.getMessage() : failure + "; " + e.getMessage();
        }
        if (failure != null && !failing) {
            notice.accept(Severity.WARNING, "cannot read the cell's fixture or chamber (" + failure + "): its samples have no pressure or"
                    + " ambient temperature until it answers; the cycler's program runs on");
        } else if (failure == null && failing) {
            notice.accept(Severity.INFO, "the cell's fixture and chamber answer again");
        }
        failing = failure != null;
        readings.addLast(new double[] {unix, pa, celsius});
        return true;
    }

    /**
     * The limit of {@code window} the newest reading crossed, or {@code null}: the same check a
     * directly driven cell makes on each sample, with the channel's own values left to the
     * cycler's protection (NaN is not checked).
     */
    String violation(SafetyWindow window) {
        double[] r = readings.peekLast();
        return r == null ? null : window.violation(Double.NaN, Double.NaN, Double.NaN, r[2], r[1]);
    }

    /** The stack pressure, Pa, read last at or before {@code unix}; NaN for none. */
    double pressurePa(double unix) {
        double[] r = at(unix);
        return r == null ? Double.NaN : r[1];
    }

    /** The chamber's temperature, °C, read last at or before {@code unix}; NaN for none. */
    double ambientCelsius(double unix) {
        double[] r = at(unix);
        return r == null ? Double.NaN : r[2];
    }

    private double[] at(double unix) {
        Iterator<double[]> newestFirst = readings.descendingIterator();
        while (newestFirst.hasNext()) {
            double[] r = newestFirst.next();
            if (r[0] <= unix) {
                return r;
            }
        }
        return null;
    }

    /** Records up to {@code unix} are all in: older readings than the one they would take are dropped. */
    void recordedThrough(double unix) {
        while (readings.size() > 1) {
            Iterator<double[]> it = readings.iterator();
            it.next();
            if (it.next()[0] > unix) {
                return;
            }
            readings.removeFirst();
        }
    }
}
