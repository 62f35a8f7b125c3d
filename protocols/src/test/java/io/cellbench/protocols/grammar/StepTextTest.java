package io.cellbench.protocols.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.protocols.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepTextTest {

    static final SourceLocation AT = new SourceLocation("t", 1, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Discharge at C/10 for 10 hours or until 3.3 V            | Discharge at C/10 for 10 h until 3.3 V
            Charge at 200 mA until 4.1 V                              | Charge at 0.2 A until 4.1 V
            Hold at 4.1 V until 50 mA                                 | Hold at 4.1 V until 0.05 A
            Rest for 90 seconds (1 minute period)                     | Rest for 90 s (1 min period)
            Rest until >= 3 V or 2 hours                              | Rest until >= 3 V or 2 h
            Discharge at 1 W until >= 3 V or 2 mAh                    | Discharge at 1 W until >= 3 V or 0.002 Ah
            Charge at C/10 until 3.7 V then hold until C/50           | Charge at C/10 until 3.7 V then hold until C/50
            Charge at C/10 until 3.7 V then hold at 3.6 V for 1 h     | Charge at C/10 until 3.7 V then hold at 3.6 V until 1 h
            Charge at 0.3C for 1 h                                    | Charge at 0.3C for 1 h
            EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade  | PEIS from 1000000 Hz to 0.1 Hz at 0.01 V, 10 points per decade
            GEIS from 100 kHz to 10 mHz at 100 uA                     | GEIS from 100000 Hz to 0.01 Hz at 1.0e-4 A, 10 points per decade
            Set pressure to 5 MPa and wait until stable               | Set pressure to 5000000 Pa and wait until stable
            Set temperature to 298.15 K                               | Set temperature to 25 °C
            """)
    void printsACanonicalSentence(String written, String printed) {
        assertEquals(printed, StepText.format(StepGrammar.parseOne(written, AT)));
    }

    @Test
    void readableValuesForMessages() {
        assertEquals("125 MPa", StepText.readable(125e6, "Pa"));
        assertEquals("20 mA", StepText.readable(0.02, "A"));
        assertEquals("-10 mA", StepText.readable(-0.01, "A"));
        assertEquals("50 uA", StepText.readable(5e-5, "A"));
        assertEquals("4.2 V", StepText.readable(4.2, "V"));
        assertEquals("80 °C", StepText.readable(80, "°C"));
    }
}
