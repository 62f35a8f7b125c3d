package io.cellbench.protocols.grammar;

import static io.cellbench.protocols.model.Termination.Measure.C_RATE;
import static io.cellbench.protocols.model.Termination.Measure.CAPACITY;
import static io.cellbench.protocols.model.Termination.Measure.CURRENT;
import static io.cellbench.protocols.model.Termination.Measure.ENERGY;
import static io.cellbench.protocols.model.Termination.Measure.TIME;
import static io.cellbench.protocols.model.Termination.Measure.VOLTAGE;
import static io.cellbench.protocols.model.Termination.Op.AT_LEAST;
import static io.cellbench.protocols.model.Termination.Op.AT_MOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Step.EisMode;
import io.cellbench.protocols.model.Termination;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every step form the grammar accepts, and every error it reports, with its position and hint. */
class StepGrammarTest {

    /** Sentences are parsed as if written on line 12 from column 7 of p.yaml. */
    static final SourceLocation AT = new SourceLocation("p.yaml", 12, 7);

    static Step one(String sentence) {
        return StepGrammar.parseOne(sentence, AT);
    }

    static Termination until(Termination.Measure m, Termination.Op op, double v) {
        return new Termination(m, op, v);
    }

    static Step.Drive drive(String text, DriveKind kind, Control control, double value, Double duration,
                            List<Termination> until) {
        return new Step.Drive(AT, text, kind, control, value, duration, until, null, null);
    }

    /**
     * Asserts the sentence fails at {@code offending} (its first occurrence), on line 12 and at
     * the column of that text, with a problem and a hint containing the given parts.
     */
    static ProtocolException assertError(String sentence, String offending, String problemPart, String hintPart) {
        return assertError(sentence, sentence.indexOf(offending), offending, problemPart, hintPart);
    }

    /** As {@link #assertError}, at the last occurrence of {@code offending} (a repeated clause). */
    static ProtocolException assertLastError(String sentence, String offending, String problemPart, String hintPart) {
        return assertError(sentence, sentence.lastIndexOf(offending), offending, problemPart, hintPart);
    }

    static ProtocolException assertError(String sentence, int index, String offending, String problemPart,
                                         String hintPart) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> StepGrammar.parse(sentence, AT),
                () -> "expected an error for: " + sentence);
        assertEquals(offending, e.offendingText(), () -> e.getMessage());
        assertEquals(12, e.line());
        assertEquals(7 + index, e.column(), () -> e.getMessage());
        assertTrue(e.problem().contains(problemPart), () -> "problem: " + e.problem());
        assertTrue(e.hint().contains(hintPart), () -> "hint: " + e.hint());
        assertEquals("p.yaml", e.file());
        return e;
    }

    @Nested
    class Forms {

        @Test
        void constantCurrentWithDurationOrCutOff() {
            assertEquals(drive("Discharge at C/10 for 10 hours or until 3.3 V", DriveKind.DISCHARGE, Control.C_RATE,
                            0.1, 36000.0, List.of(until(VOLTAGE, AT_MOST, 3.3))),
                    one("Discharge at C/10 for 10 hours or until 3.3 V"));
            assertEquals(drive("Charge at 1 A until 4.1 V", DriveKind.CHARGE, Control.CURRENT, 1, null,
                    List.of(until(VOLTAGE, AT_LEAST, 4.1))), one("Charge at 1 A until 4.1 V"));
            assertEquals(drive("Discharge at 2 mA for 30 minutes", DriveKind.DISCHARGE, Control.CURRENT, 0.002, 1800.0,
                    List.of()), one("Discharge at 2 mA for 30 minutes"));
            assertEquals(drive("Charge at 1 C until 4.2V", DriveKind.CHARGE, Control.C_RATE, 1, null,
                    List.of(until(VOLTAGE, AT_LEAST, 4.2))), one("Charge at 1 C until 4.2V"));
        }

        @Test
        void voltageHoldsEndOnCurrentOrCRate() {
            assertEquals(drive("Hold at 4.1 V until 50 mA", DriveKind.HOLD, Control.VOLTAGE, 4.1, null,
                    List.of(until(CURRENT, AT_MOST, 0.05))), one("Hold at 4.1 V until 50 mA"));
            assertEquals(drive("Hold at 3V until C/50", DriveKind.HOLD, Control.VOLTAGE, 3, null,
                    List.of(until(C_RATE, AT_MOST, 0.02))), one("Hold at 3V until C/50"));
        }

        @Test
        void powerAndResistance() {
            assertEquals(drive("Discharge at 1W for 0.5 hours", DriveKind.DISCHARGE, Control.POWER, 1, 1800.0,
                    List.of()), one("Discharge at 1W for 0.5 hours"));
            assertEquals(drive("Discharge at 4 Ohm for 1 hour", DriveKind.DISCHARGE, Control.RESISTANCE, 4, 3600.0,
                    List.of()), one("Discharge at 4 Ohm for 1 hour"));
            assertEquals(drive("Charge at 200mW for 45 minutes", DriveKind.CHARGE, Control.POWER, 0.2, 2700.0,
                    List.of()), one("Charge at 200mW for 45 minutes"));
        }

        @Test
        void restAndPeriod() {
            assertEquals(new Step.Rest(AT, "Rest for 1 hour", 3600.0, List.of(), null), one("Rest for 1 hour"));
            assertEquals(new Step.Rest(AT, "Rest for 10 minutes (1 minute period)", 600.0, List.of(), 60.0),
                    one("Rest for 10 minutes (1 minute period)"));
            assertEquals(new Step.Drive(AT, "Discharge at C/20 for 1h (2 minute period)", DriveKind.DISCHARGE,
                    Control.C_RATE, 0.05, 3600.0, List.of(), null, 120.0),
                    one("Discharge at C/20 for 1h (2 minute period)"));
        }

        @Test
        void restCanEndOnVoltageWithAnExplicitOperator() {
            assertEquals(new Step.Rest(AT, "Rest until >= 3 V or 2 hours", null,
                            List.of(until(VOLTAGE, AT_LEAST, 3), until(TIME, AT_LEAST, 7200)), null),
                    one("Rest until >= 3 V or 2 hours"));
            assertEquals(List.of(until(VOLTAGE, AT_MOST, 3.5)), ((Step.Rest) one("Rest until <= 3.5 V")).until());
            assertEquals(List.of(until(VOLTAGE, AT_MOST, 3.5)), ((Step.Rest) one("Rest until ≤ 3.5 V")).until());
        }

        @Test
        void severalTerminationsAreOred() {
            Step.Drive d = (Step.Drive) one("Charge at C/10 until 3.7 V or 5 hours");
            assertEquals(List.of(until(VOLTAGE, AT_LEAST, 3.7), until(TIME, AT_LEAST, 18000)), d.until());
            d = (Step.Drive) one("Charge at C/10 until 3.7 V or 1 mAh");
            assertEquals(List.of(until(VOLTAGE, AT_LEAST, 3.7), until(CAPACITY, AT_LEAST, 0.001)), d.until());
            d = (Step.Drive) one("Charge at C/10 until 3.7 V or until 2 h or 1 mWh");
            assertEquals(List.of(until(VOLTAGE, AT_LEAST, 3.7), until(TIME, AT_LEAST, 7200),
                    until(ENERGY, AT_LEAST, 0.001)), d.until());
            d = (Step.Drive) one("Discharge at 1 A until 3 V for 2 h");
            assertEquals(7200.0, d.durationSecond());
        }

        @Test
        void capacityAndEnergyCutOffsAreThroughputReached() {
            assertEquals(List.of(until(CAPACITY, AT_LEAST, 0.002)),
                    ((Step.Drive) one("Discharge at C/10 until 2 mAh")).until());
            assertEquals(List.of(until(ENERGY, AT_LEAST, 0.005)),
                    ((Step.Drive) one("Discharge at 1 mA until 5 mWh")).until());
            assertEquals(List.of(until(CAPACITY, AT_LEAST, 0.002)),
                    ((Step.Drive) one("Discharge at 1 mA until >= 2 mAh")).until());
        }

        @Test
        void explicitOperatorsOverrideTheImplicitOnes() {
            assertEquals(List.of(until(VOLTAGE, AT_LEAST, 3)), ((Step.Drive) one("Discharge at 1 W until >= 3 V")).until());
            assertEquals(List.of(until(CURRENT, AT_MOST, 0.05)), ((Step.Drive) one("Discharge at 1 W until < 50 mA")).until());
            assertEquals(List.of(until(CURRENT, AT_LEAST, 0.05)), ((Step.Drive) one("Hold at 3 V until > 50 mA")).until());
            assertEquals(List.of(until(VOLTAGE, AT_MOST, 3)), ((Step.Drive) one("Charge at 1 A until<=3V")).until());
        }

        @Test
        void cccvIsOneStep() {
            Step.Drive d = (Step.Drive) one("Charge at C/10 until 3.7 V then hold until C/50");
            assertEquals(new Step.CvHold(3.7, List.of(until(C_RATE, AT_MOST, 0.02))), d.thenHold());
            assertEquals(List.of(until(VOLTAGE, AT_LEAST, 3.7)), d.until());
            assertEquals(Control.C_RATE, d.control());

            d = (Step.Drive) one("Charge at C/10 until 3.7 V then hold at 3.65 V for 2 hours or until 20 uA (1 minute period)");
            assertEquals(new Step.CvHold(3.65, List.of(until(TIME, AT_LEAST, 7200), until(CURRENT, AT_MOST, 2e-5))),
                    d.thenHold());
            assertEquals(60.0, d.periodSecond());

            d = (Step.Drive) one("Discharge at C/5 until 1.9 V then hold until C/100");
            assertEquals(new Step.CvHold(1.9, List.of(until(C_RATE, AT_MOST, 0.01))), d.thenHold());
        }

        @Test
        void eisPotentiostaticAndGalvanostatic() {
            String peis = "EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade";
            assertEquals(new Step.Eis(AT, peis, EisMode.POTENTIOSTATIC, 1e6, 0.1, 0.01, 10), one(peis));
            String geis = "EIS from 100 kHz to 10 mHz at 100 uA, 10 points per decade";
            assertEquals(new Step.Eis(AT, geis, EisMode.GALVANOSTATIC, 1e5, 0.01, 1e-4, 10), one(geis));
            assertEquals(EisMode.POTENTIOSTATIC, ((Step.Eis) one("PEIS from 1 MHz to 100 mHz at 10 mV, 6 ppd")).mode());
            Step.Eis g = (Step.Eis) one("GEIS at 50 uA from 10 mHz to 1 MHz, 5 points per decade");
            assertEquals(new Step.Eis(AT, g.text(), EisMode.GALVANOSTATIC, 0.01, 1e6, 5e-5, 5), g);
        }

        @Test
        void eisDefaultsToTenPointsPerDecade() {
            assertEquals(10, ((Step.Eis) one("PEIS from 1 MHz to 100 mHz at 10 mV")).pointsPerDecade());
        }

        @Test
        void pressureAndTemperature() {
            assertEquals(new Step.SetPressure(AT, "Set pressure to 5 MPa", 5e6, false), one("Set pressure to 5 MPa"));
            assertEquals(new Step.SetPressure(AT, "Set pressure to 75 MPa and wait until stable", 75e6, true),
                    one("Set pressure to 75 MPa and wait until stable"));
            assertEquals(new Step.SetPressure(AT, "Set pressure to 0 MPa", 0, false), one("Set pressure to 0 MPa"));
            assertEquals(new Step.SetTemperature(AT, "Set temperature to 25 °C", 25, false),
                    one("Set temperature to 25 °C"));
            assertEquals(new Step.SetTemperature(AT, "Set temperature to 60 degC and wait until stable", 60, true),
                    one("Set temperature to 60 degC and wait until stable"));
            assertEquals(-20.0, ((Step.SetTemperature) one("Set temperature to -20oC")).celsius());
            assertEquals(25.0, ((Step.SetTemperature) one("Set temperature to 298.15 K")).celsius(), 1e-12);
        }

        @Test
        void temperatureSuffixBecomesASetTemperatureBeforeTheStep() {
            List<Step> steps = StepGrammar.parse("Discharge at 1C for 1 hour at 25oC", AT);
            assertEquals(2, steps.size());
            assertEquals(new Step.SetTemperature(new SourceLocation("p.yaml", 12, 7 + 27),
                    "Discharge at 1C for 1 hour at 25oC", 25, true), steps.get(0));
            assertEquals(drive("Discharge at 1C for 1 hour at 25oC", DriveKind.DISCHARGE, Control.C_RATE, 1, 3600.0,
                    List.of()), steps.get(1));
            assertEquals(List.of(-5.1), StepGrammar.parse("Rest for 1 h at -5.1 °C", AT).stream()
                    .filter(s -> s instanceof Step.SetTemperature).map(s -> ((Step.SetTemperature) s).celsius()).toList());
        }

        @Test
        void keywordsAreCaseInsensitiveAndSpacingIsFree() {
            Step expected = drive("x", DriveKind.CHARGE, Control.CURRENT, 0.2, null, List.of(until(VOLTAGE, AT_LEAST, 4.1)));
            for (String s : List.of("charge at 200mA until 4.1V", "CHARGE AT 200 mA UNTIL 4.1 V",
                    "  Charge   at\t200 mA  until  4.1 V ", "Charge at 200\u00a0mA until 4.1\u00a0V")) {
                Step.Drive d = (Step.Drive) one(s);
                assertEquals(expected, new Step.Drive(AT, "x", d.kind(), d.control(), d.value(), d.durationSecond(),
                        d.until(), d.thenHold(), d.periodSecond()), s);
            }
            assertEquals(7200.0, ((Step.Rest) one("REST FOR 2 HOURS")).durationSecond());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Rest for 30 s        | 30
                Rest for 30 sec      | 30
                Rest for 1 second    | 1
                Rest for 2 seconds   | 2
                Rest for 10 min      | 600
                Rest for 1 minute    | 60
                Rest for 10 m        | 600
                Rest for 1 h         | 3600
                Rest for 1 hr        | 3600
                Rest for 2 hours     | 7200
                Rest for 1e0hours    | 3600
                Rest for .5 h        | 1800
                Rest for 1 day       | 86400
                """)
        void everyPybammTimeUnit(String sentence, double seconds) {
            assertEquals(seconds, ((Step.Rest) one(sentence)).durationSecond());
        }

        @Test
        void pybammCompatibility() {
            // PyBaMM reads a leading m as milli on any unit: 500mC is C/2.
            assertEquals(0.5, ((Step.Drive) one("Discharge at 500mC for 10 minutes")).value(), 1e-15);
            // PyBaMM's "Hold at <current>" is a discharge at that current (its Hold has the discharge sign).
            Step.Drive d = (Step.Drive) one("Hold at 1 A for 1 hour");
            assertEquals(DriveKind.DISCHARGE, d.kind());
            assertEquals(Control.CURRENT, d.control());
            // Charge or Discharge at a voltage is a voltage-controlled step.
            assertEquals(Control.VOLTAGE, ((Step.Drive) one("Charge at 4.2 V until C/50")).control());
        }

        @Test
        void valuesAreExactDecimals() {
            assertEquals(0.002, ((Step.Drive) one("Discharge at 1 A until 2 mAh")).until().getFirst().value());
            assertEquals(0.1, ((Step.Drive) one("Discharge at 100 mA for 1 h")).value());
            assertEquals(1.0 / 3, ((Step.Drive) one("Discharge at C/3 for 1 h")).value());
        }
    }

    @Nested
    class Errors {

        @Test
        void emptyAndUnknownSteps() {
            assertError("", "", "empty step", "Rest for 1 hour");
            assertError("4.1 V", "4.1 V", "a step starts with a word", "'Charge'");
            assertError("Dischrge at 1 A for 1 h", "Dischrge", "unknown step 'Dischrge'", "did you mean 'Discharge'?");
            assertError("Chrage at 1 A for 1 h", "Chrage", "unknown step", "did you mean 'Charge'?");
            assertError("Play at 1 A for 2 hours", "Play", "unknown step 'Play'", "'Discharge', 'Hold', 'Rest'");
            assertError("Run US06 (A)", "Run", "drive cycles", "PyBaMM has deprecated");
            assertError("Repeat 3 times", "Repeat 3 times", "needs a list of steps", "- Repeat 3 times:");
        }

        @Test
        void driveNeedsAtAndAnEnd() {
            assertError("Charge 1 A for 1 h", "1 A", "expected 'at'", "Charge at C/10");
            assertError("Charge at 1 A", "Charge at 1 A", "never ends", "add 'until 4.2 V' or 'for 2 hours'");
            assertError("Discharge at 1 A", "Discharge at 1 A", "never ends", "add 'until 2.5 V' or 'for 2 hours'");
            assertError("Hold at 4.1 V", "Hold at 4.1 V", "never ends", "'until 50 mA'");
            assertError("Rest", "Rest", "needs 'for' or 'until'", "Rest for 1 hour");
        }

        @Test
        void setPointsArePositiveMagnitudes() {
            assertError("Charge at 4 Ohm for 1 hour", "4 Ohm", "resistance load can only discharge",
                    "Discharge at 4 Ohm");
            assertError("Discharge at -1 A for 1 h", "-1 A", "is negative", "Charge or Discharge gives the direction");
            assertError("Charge at 0 A for 1 h", "0 A", "is zero", "Rest for");
            assertError("Hold at 0 V for 1 h", "0 V", "is zero", "above 0 V");
            assertError("Charge at 5 MPa for 1 h", "5 MPa", "is a pressure, expected a set point",
                    "a current (200 mA)");
            assertError("Charge at C/0 for 1 h", "C/0", "C/0 is not a C-rate", "C/20");
            assertError("Charge at C/ until 4 V", "C/ until", "expected a number after 'C/'", "C/20");
            assertError("Charge at 1e-999 A for 1 h", "1e-999 A", "is zero", "Rest");
        }

        @Test
        void durationsAndPeriods() {
            assertError("Rest for 0 s", "0 s", "duration '0 s' is zero", "for 2 hours");
            assertError("Rest for -1 h", "-1 h", "is negative", "for 2 hours");
            assertError("Charge at 1 A for 2 V", "2 V", "is a voltage, expected a duration", "a time (2 hours");
            assertError("Charge at 1 A for 2", "2", "'2' has no unit", "time: s, sec");
            assertError("Charge at 1 A for 2 years", "years", "unknown unit 'years'", "hours");
            assertLastError("Discharge at 1 A for 1 h for 2 h", "for", "a second 'for'", "give each condition once");
            assertError("Rest for 1 h (2 minute)", ")", "expected 'period'", "(2 minute period)");
            assertLastError("Rest for 1 h (2 minute period", "", "the step ends where ')' was expected", "(2 minute period)");
            assertError("Rest for 1 h (0 s period)", "0 s", "period '0 s' is zero", "(1 minute period)");
            assertLastError("Rest for 1 h (1 min period) (2 min period)", "(", "a second period", "once");
        }

        @Test
        void unexpectedWordsSuggestTheClosestKeyword() {
            assertError("Discharge at 1 A untill 3 V", "untill", "unexpected word 'untill'", "did you mean 'until'?");
            assertError("Charge at 1 A fro 1 h", "fro", "unexpected word 'fro'", "did you mean 'for'?");
            assertError("Charge at 1 A until 4.2 V ten hold until C/50", "ten", "unexpected word", "'then'");
            assertError("Charge at 1 A 2 hours", "2 hours", "unexpected '2'; expected 'for'", "for 2 hours");
            assertError("Charge at 1 A until 4.2 V; Rest", ";", "unexpected ';'", "until 4.2 V");
            assertError("Discharge at 1 A for 1 h or 2 h", "2 h", "expected 'until' or 'for'",
                    "for 10 hours or until 3.3 V");
            assertError("Charge at 1 A until 3 V and 2 h", "and", "'and' is not supported", "join conditions with 'or'");
        }

        @Test
        void unitsAreCheckedWithTheAcceptedList() {
            ProtocolException e = assertError("Charge at 1 A until 4.1 Vv", "Vv", "unknown unit 'Vv'", "voltage: V, volt");
            assertTrue(e.hint().contains("c-rate: C, C/n"), e.hint());
            assertError("Charge at 1 A until 4.1v", "v", "unknown unit 'v'", "did you mean 'V'?");
            assertError("Charge at 200 ma until 4.1 V", "ma", "unknown unit 'ma'", "did you mean 'mA'?");
            assertError("Charge at 1 A until 4.1 volz", "volz", "unknown unit 'volz'", "did you mean 'volt'?");
            assertError("Discharge at 1 B for 2 hours", "B", "unknown unit 'B'", "current: A");
            assertError("Charge at 1 A until 5 MPa", "5 MPa", "is a pressure, expected a cut-off (voltage, current",
                    "a capacity (2 mAh)");
        }

        @Test
        void cutOffsThatCouldNeverEndTheStep() {
            assertError("Charge at 1 A until 50 mA", "50 mA", "constant-current step does not change",
                    "until 4.2 V");
            assertError("Charge at C/10 until C/50", "C/50", "cannot end on C-rate", "capacity");
            assertError("Hold at 4.2 V until 4.1 V", "4.1 V", "voltage-controlled step cannot end on voltage",
                    "until C/50");
            assertError("Rest until 3 V", "3 V", "a rest has no direction", "'until >= 3 V'");
            assertError("Rest for 1 h until 50 mA", "50 mA", "no current flows during a rest", "for 1 hour");
            assertError("Rest until 2 mAh", "2 mAh", "cannot end on capacity", "until >= 3 V");
            assertError("Discharge at 1 A for 1 hour until < 2 mAh", "< 2 mAh", "capacity only grows",
                    "'until 2 mAh'");
            assertError("Discharge at 1 A until <= 1 h", "<= 1 h", "time only grows", "'until 2 hours'");
            assertError("Discharge at 1 A until -2 V", "-2 V", "cut-off '-2 V' is negative", "magnitude");
        }

        @Test
        void cccvMistakes() {
            assertError("Charge at C/10 then hold until C/50", "then hold", "needs a voltage to hold at",
                    "then hold at 3.7 V until C/50");
            assertError("Charge at C/10 until 3.7 V or 3.8 V then hold until C/50", "then hold",
                    "which of the cut-off voltages", "then hold at 3.7 V");
            assertError("Hold at 4.2 V until C/20 then hold until C/50", "then hold until C/50",
                    "'then hold' follows a constant-current", "already holds a voltage");
            assertError("Charge at C/10 until 3.7 V then hold", "then hold", "'then hold' never ends", "until C/50");
            assertError("Charge at C/10 until 3.7 V then hold until 3.6 V", "3.6 V", "hold keeps the voltage constant",
                    "until C/50");
            assertError("Charge at C/10 until 3.7 V then keep until C/50", "keep", "expected 'hold'", "then hold");
            assertLastError("Charge at C/10 until 3.7 V then hold until C/50 (1 min period) until 4 V", "until",
                    "'until' after 'then hold", "before 'then'");
            assertError("Rest for 1 h then hold until C/50", "then", "only follows Charge or Discharge",
                    "Hold at 4.2 V until C/50");
        }

        @Test
        void temperatureSuffix() {
            assertError("Discharge at 1 A for 1 hour at 2 A", "2 A", "'2 A' is a current; after the set point, 'at' gives "
                    + "the temperature", "at 25 °C");
            assertError("Discharge at 1 A at 2 hours", "2 hours", "is a time", "write 'for 2 hours'");
            assertError("Discharge at 1 A for 1 h at -300 °C", "-300 °C", "below absolute zero", "25 °C");
            assertError("Discharge at 1 A for 1 h at hot", "hot", "expected a temperature after 'at'", "25 °C");
            assertLastError("Rest for 1 h at 25 °C at 30 °C", "at", "a second temperature", "once");
        }

        @Test
        void eis() {
            assertError("EIS from 1 MHz at 10 mV", "at", "expected 'to'", "from 1 MHz to 100 mHz");
            assertError("EIS at 10 mV", "EIS at 10 mV", "needs a frequency range", "from 1 MHz to 100 mHz");
            assertError("EIS from 1 MHz to 100 mHz", "EIS from 1 MHz to 100 mHz", "needs an amplitude", "at 10 mV");
            assertError("PEIS from 1 MHz to 100 mHz at 100 uA", "100 uA", "PEIS takes a voltage amplitude", "GEIS");
            assertError("GEIS from 1 MHz to 100 mHz at 10 mV", "10 mV", "GEIS takes a current amplitude", "PEIS");
            assertLastError("EIS from 1 MHz to 1 MHz at 10 mV", "1 MHz", "two different frequencies", "from 1 MHz");
            assertError("EIS from 1 MHz to 0 Hz at 10 mV", "0 Hz", "frequency '0 Hz' is zero", "above 0 Hz");
            assertError("EIS from 1 MHz to 100 mHz at 1 W", "1 W", "'1 W' is a power, expected an amplitude",
                    "a voltage (4.2 V) or a current");
            assertError("EIS from 1 MHz to 100 mHz at 10 mV, 10.5 points per decade", "10.5",
                    "is not a whole number", "3");
            assertLastError("EIS from 1 MHz to 100 mHz at 10 mV, 0 points per decade", "0", "out of range",
                    "from 1 to 1000");
            assertError("EIS from 1 MHz to 100 mHz at 10 mV, 10 points per dec", "dec",
                    "unexpected 'dec'; expected 'decade'", "10 points per decade");
            assertError("EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decdae", "decdae",
                    "unexpected word 'decdae'", "did you mean 'decade'?");
            assertError("EIS from 1 MHz to 100 mHz at 10 mV for 1 h", "for",
                    "unexpected 'for'; expected 'from', 'at' or 'points per decade'", "10 points per decade");
            assertLastError("EIS from 1 MHz to 100 mHz at 10 mV at 5 mV", "at", "a second amplitude", "once");
        }

        @Test
        void pressureAndTemperature() {
            assertError("Set voltage to 4 V", "voltage", "cannot set 'voltage'", "Set pressure to 5 MPa");
            assertError("Set presure to 5 MPa", "presure", "cannot set 'presure'", "did you mean 'pressure'?");
            assertError("Set pressure to 2 kN", "2 kN", "is a force", "0.785 cm² is 25.5 MPa");
            assertError("Set pressure to -1 MPa", "-1 MPa", "negative", "0 MPa to release");
            assertError("Set temperature to 25 C", "25 C", "is a C-rate, expected a temperature", "25 °C, 25 degC or 25oC");
            assertError("Set temperature to -300 °C", "-300 °C", "below absolute zero", "25 °C");
            assertLastError("Set pressure to 5 MPa and wait", "", "the step ends where 'until' was expected",
                    "and wait until stable");
            assertError("Set pressure to 5 MPa and wait until stable please", "please",
                    "unexpected 'please' after the end of the step", "wait until stable");
        }

        @Test
        void repeatHeaders() {
            assertEquals(20, StepGrammar.repeatCount(SourceText.at("Repeat 20 times", AT)));
            assertEquals(1, StepGrammar.repeatCount(SourceText.at("repeat 1 time:", AT)));
            assertEquals(3, StepGrammar.repeatCount(SourceText.at("Repeat 3x", AT)));
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> StepGrammar.repeatCount(SourceText.at("Repeat 2.5 times", AT)));
            assertEquals(7 + 7, e.column());
            assertTrue(e.problem().contains("not a whole number"), e.problem());
            e = assertThrows(ProtocolException.class, () -> StepGrammar.repeatCount(SourceText.at("Repeat 3", AT)));
            assertTrue(e.problem().contains("'times' was expected"), e.problem());
            e = assertThrows(ProtocolException.class,
                    () -> StepGrammar.repeatCount(SourceText.at("Repeat 99999999999 times", AT)));
            assertTrue(e.problem().contains("out of range"), e.problem());
        }

        @Test
        void parseOneRefusesTwoSteps() {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> StepGrammar.parseOne("Rest for 1 h at 25 °C", AT));
            assertTrue(e.problem().contains("gives 2 steps"), e.problem());
        }
    }
}
