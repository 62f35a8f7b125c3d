package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delegated cell's protocol is cut at each impedance step; a repeat holding one is written out pass by pass. */
class ProgramSegmentsTest {

    @Test
    void eisStepsCutTheProtocolAndRepeatsWithoutThemStayLoops() {
        Protocol p = ProtocolLoader.parse("""
                name: cut
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Rest for 1 minute
                  - Repeat 2 times:
                      - Charge at 1 mA until 3.7 V
                      - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                      - Discharge at 1 mA until 1.9 V
                  - Repeat 3 times:
                      - Rest for 1 minute
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                """, "cut.yaml");
        List<ProgramSegments.Segment> segments = ProgramSegments.of(p);
        assertEquals(List.of("program 2", "eis", "program 2", "eis", "program 2", "eis"),
                segments.stream().map(s -> s.program() ? "program " + s.steps().size() : "eis").toList());
        Step.Repeat cycling = (Step.Repeat) p.steps().get(1);
        assertSame(cycling.steps().get(0), segments.get(0).steps().get(1), "the protocol's own steps");
        assertSame(cycling.steps().get(2), segments.get(2).steps().get(0));
        assertSame(p.steps().get(2), segments.get(4).steps().get(1), "a repeat without EIS stays a loop");
        assertEquals("cut (part 2 of 3)", segments.get(2).asProtocol(p, 2, 3).name());
    }
}
