package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolParametersTest {
    private static final String TEXT = """
            name: pressure study
            parameters:
              pressure: 50 MPa
              rate: C/3
            steps:
              - Set pressure to {pressure} and wait until stable
              - Discharge at {rate} until 1.9 V
            limits:
              voltage: [1.8 V, 3.8 V]
            """;

    @Test
    void declaredDefaultsAreUsed() {
        Protocol p = ProtocolLoader.parse(TEXT, "study.yaml");
        assertEquals(50e6, ((Step.SetPressure) p.steps().get(0)).pascal(), 1e-3);
        assertEquals(1 / 3.0, ((Step.Drive) p.steps().get(1)).value(), 1e-12);
    }

    @Test
    void aScheduleOverridesADeclaredParameter() {
        Protocol p = ProtocolLoader.parse(TEXT, "study.yaml", Map.of("pressure", "15 MPa"));
        assertEquals(15e6, ((Step.SetPressure) p.steps().get(0)).pascal(), 1e-3);
    }

    @Test
    void overridingAnUndeclaredParameterIsAnError() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> ProtocolLoader.parse(TEXT, "study.yaml", Map.of("temperature", "60 °C")));
        assertTrue(e.getMessage().contains("study.yaml:2:1"), e.getMessage());
        assertTrue(e.hint().contains("pressure, rate"), e.hint());
    }

    @Test
    void anUnknownPlaceholderPointsAtItself() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolLoader.parse("""
                steps:
                  - Set pressure to {presure}
                """, "typo.yaml"));
        assertEquals(2, e.line());
        assertEquals(21, e.column());
        assertTrue(e.problem().contains("unknown parameter 'presure'"), e.problem());
    }

    @Test
    void aBadSubstitutedValueIsReportedAtThePlaceholder() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> ProtocolLoader.parse(TEXT, "study.yaml", Map.of("pressure", "15 MPx")));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("MPx"), e.getMessage());
    }
}
