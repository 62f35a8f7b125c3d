package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void unixSecondsBecomeWholeMicrosecondsInNanoseconds() {
        assertEquals(1_714_521_723_400_000_000L, Timestamps.nanos(1_714_521_600.0 + 123.4));
        assertEquals(1_714_521_600_000_001_000L, Timestamps.nanos(1_714_521_600.000001));
        assertEquals(-1_500_000_000L, Timestamps.nanos(-1.5));
        assertEquals(0L, Timestamps.nanos(0));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.nanos(Double.NaN));
    }

    @Property(tries = 500)
    void theSameSecondsAlwaysGiveTheSameNanosecondsWithinHalfAMicrosecond(
            @ForAll @DoubleRange(min = 0, max = 4e9) double seconds) {
        long a = Timestamps.nanos(seconds);
        assertEquals(a, Timestamps.nanos(Double.parseDouble(Double.toString(seconds))), "replay is identical");
        assertEquals(0, a % 1000);
        assertEquals(seconds, Timestamps.seconds(a), 0.5e-6 + Math.ulp(seconds));
    }

    /**
     * A point read back from InfluxDB and written again lands on itself: what the files-versus-
     * InfluxDB comparisons (ResumeInfluxTest) and a re-import rely on.
     */
    @Property(tries = 2000)
    void aTimeReadBackGivesTheSameNanosecondsAgain(@ForAll @DoubleRange(min = 1e9, max = 4e9) double seconds) {
        long written = Timestamps.nanos(seconds);
        assertEquals(written, Timestamps.nanos(Timestamps.seconds(written)));
    }
}
