package io.cellbench.drivers.keithley;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.scpi.ScpiSession;
import io.cellbench.drivers.transport.WireText;
import java.util.List;
import java.util.Locale;

/**
 * What the instrument at the other end is, checked before anything is sent that changes it:
 * {@code *IDN?} must name a MODEL 2450 ({@code KEITHLEY INSTRUMENTS,MODEL 2450,<serial>,<firmware>},
 * Reference Manual p. B-5), and {@code *LANG?} must answer SCPI. A 2450 left in its TSP or
 * SCPI2400 command set (p. B-5/B-6) still answers {@code *IDN?} but none of the SCPI that
 * follows, which would only show as timeouts: it is refused here with the way back.
 *
 * @param idn      the answer to {@code *IDN?}
 * @param language the answer to {@code *LANG?}
 */
record Keithley2450Identity(String idn, String language) {

    /** Asks the instrument; throws naming the command when it is not a 2450 in SCPI. */
    static Keithley2450Identity check(String name, ScpiSession session) {
        String idn = session.identify();
        if (!idn.toUpperCase(Locale.ROOT).contains("MODEL 2450")) {
            throw new InstrumentException(name, "*IDN?", "expected a Keithley 2450, but the instrument at "
                    + session.endpoint() + " says " + WireText.quote(idn));
        }
        String language = session.query("*LANG?").strip();
        if (!language.equalsIgnoreCase("SCPI")) {
            throw new InstrumentException(name, "*LANG?", "the 2450 runs its " + language + " command set"
                    + (language.equalsIgnoreCase("SCPI2400") ? " (the Model 2400 emulation)" : "")
                    + "; cellbench drives it in SCPI: on the front panel choose MENU, System Settings, Command Set:"
                    + " SCPI (or send *LANG SCPI), then switch the instrument off and on (a new command set takes"
                    + " effect at power-up)");
        }
        return new Keithley2450Identity(idn, language);
    }

    /** For {@code cellbench probe}: model and serial, firmware, command language. */
    List<VerifiedFact> facts() {
        return List.of(VerifiedFact.ok("model", field(1).replaceFirst("(?i)^MODEL\\s*", "") + ", serial " + field(2)),
                VerifiedFact.ok("firmware", field(3)), VerifiedFact.ok("command language", language.toUpperCase(Locale.ROOT)));
    }

    private String field(int index) {
        String[] fields = idn.split(",");
        return index < fields.length ? fields[index].strip() : "?";
    }
}
