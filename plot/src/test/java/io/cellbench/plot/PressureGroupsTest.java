package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cellbench.core.data.Spectrum;
import java.util.List;
import org.junit.jupiter.api.Test;

class PressureGroupsTest {

    private static Spectrum at(double mpa) {
        return new Spectrum(0, 0, 1, 1, 1, mpa * 1e6, 25, List.of());
    }

    @Test
    void readingsOfOneSetPointShareALevel() {
        PressureGroups groups = PressureGroups.of(List.of(
                List.of(at(59.9), at(60.0), at(60.1)), List.of(at(15.02), at(14.98)), List.of(at(125))));
        assertEquals("60 MPa", groups.level(59.9e6).label());
        assertEquals(groups.level(59.9e6), groups.level(60.1e6));
        assertEquals("15 MPa", groups.level(14.98e6).label());
        assertEquals("125 MPa", groups.level(125e6).label());
        assertNotEquals(groups.level(15e6), groups.level(60e6));
    }

    @Test
    void smallPressuresKeepTheirDecimals() {
        PressureGroups groups = PressureGroups.of(List.of(List.of(at(1.5), at(2.5), at(0.25))));
        assertEquals("1.5 MPa", groups.level(1.5e6).label());
        assertEquals("0.25 MPa", groups.level(0.25e6).label());
    }
}
