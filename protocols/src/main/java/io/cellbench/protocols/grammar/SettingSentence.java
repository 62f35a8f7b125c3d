package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.model.Step;
import java.util.List;

/** "Set pressure to 5 MPa", "Set temperature to 25 °C and wait until stable". */
final class SettingSentence extends SentencePart {

    SettingSentence(SentencePart sentence) {
        super(sentence);
    }

    Step set() {
        tokens.advance();
        Token what = tokens.peek();
        boolean pressure;
        if (what.is("pressure")) {
            pressure = true;
        } else if (what.is("temperature")) {
            pressure = false;
        } else {
            throw tokens.unknownWord(what, List.of("pressure", "temperature"), "cannot set " + what.shown(),
                    "write 'Set pressure to 5 MPa' or 'Set temperature to 25 °C'");
        }
        tokens.advance();
        if (tokens.peek().is("to")) {
            tokens.advance();
        }
        Amount value = pressure
                ? values.amount("a pressure", List.of(Dimension.PRESSURE, Dimension.FORCE), false)
                : values.amount("a temperature", List.of(Dimension.TEMPERATURE), false);
        boolean wait = false;
        if (tokens.peek().is("and")) {
            tokens.advance();
            for (String w : List.of("wait", "until", "stable")) {
                Token t = tokens.peek();
                if (!t.is(w)) {
                    throw tokens.unexpected(t, List.of(w), "write '… and wait until stable'");
                }
                tokens.advance();
            }
            wait = true;
        }
        tokens.expectEnd("end with the value, or with 'and wait until stable'");
        if (pressure) {
            if (value.dimension() == Dimension.FORCE) {
                throw src.error(value.start(), value.end(), "'" + tokens.text(value) + "' is a force; the press is set in pressure",
                        "divide by the pellet area, e.g. 2 kN on 0.785 cm² is 25.5 MPa");
            }
            if (value.value() < 0) {
                throw src.error(value.start(), value.end(), "pressure " + tokens.text(value) + " is negative",
                        "write 0 MPa to release the press, or a positive pressure");
            }
            window.pressure(value);
            return new Step.SetPressure(src.location(0), src.text(), value.value(), wait);
        }
        if (value.value() < -273.15) {
            throw src.error(value.start(), value.end(), tokens.text(value) + " is below absolute zero",
                    "write a temperature in °C, e.g. 25 °C");
        }
        window.temperature(value);
        return new Step.SetTemperature(src.location(0), src.text(), value.value(), wait);
    }
}
