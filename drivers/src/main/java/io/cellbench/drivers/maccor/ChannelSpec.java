package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A channel's ranges from MacNet's (3,1) Channel specification (help pages 20–22): the
 * largest voltage and the largest charge and discharge current of range 4. The driver sends a
 * set point only within them, since MacNet ignores one "set outside range".
 *
 * @param maxVolt      {@code Vmax}
 * @param minVolt      {@code Vmin}
 * @param chargeAmpere {@code IR4Chg}
 * @param dischargeAmpere {@code IR4Dis}
 */
record ChannelSpec(double maxVolt, double minVolt, double chargeAmpere, double dischargeAmpere) {

    static ChannelSpec of(JsonNode r) {
        return new ChannelSpec(r.path("Vmax").asDouble(Double.NaN), r.path("Vmin").asDouble(Double.NaN),
                r.path("IR4Chg").asDouble(Double.NaN), r.path("IR4Dis").asDouble(Double.NaN));
    }

    /** Why the lab file's limits do not fit in these ranges, or null when they do. */
    String problemWith(MaccorSettings settings) {
        if (!(maxVolt > 0) || !(chargeAmpere > 0) || !(dischargeAmpere > 0)) {
            return "the cycler's (3,1) channel specification has no usable Vmax, IR4Chg and IR4Dis (" + describe() + ")";
        }
        double range = Math.min(chargeAmpere, dischargeAmpere);
        // the float32 the cycler reports may sit a hair below the decimal value it stands for
        if (settings.maxCurrent() > range * (1 + 1e-6)) {
            return String.format(Locale.ROOT, "max_current %s A is above the channel's range 4 (%s A)",
                    num(settings.maxCurrent()), num(range));
        }
        if (settings.maxVoltage() > maxVolt * (1 + 1e-6)) {
            return String.format(Locale.ROOT, "max_voltage %s V is above the channel's Vmax (%s V)",
                    num(settings.maxVoltage()), num(maxVolt));
        }
        return null;
    }

    /** Refuses to start direct mode when a set point cellbench may send is beyond the channel's range. */
    void requireWithin(MaccorSettings settings, String channel) {
        String problem = problemWith(settings);
        if (problem != null) {
            throw new InstrumentException(channel, MacNetMessages.START_DIRECT, problem + "; a set point outside the"
                    + " channel's range is ignored by MacNet, so cellbench does not start direct mode");
        }
    }

    /** What (3,1), read by {@code spec}, says about channel {@code number} against the lab file's limits. */
    static VerifiedFact fact(Supplier<ChannelSpec> spec, int number, MaccorSettings settings) {
        ChannelSpec s;
        try {
            s = spec.get();
        } catch (InstrumentException e) {
            return VerifiedFact.warn("channel " + number + " ranges", "not read",
                    e.getMessage() + "; direct mode will not start without them");
        }
        String problem = s.problemWith(settings);
        return problem == null ? VerifiedFact.ok("channel " + number + " ranges", s.describe())
                : VerifiedFact.warn("channel " + number + " ranges", s.describe(), problem);
    }

    /** "Vmin 0 V, Vmax 10 V, range 4: 5 A charge, 5 A discharge". */
    String describe() {
        return "Vmin " + num(minVolt) + " V, Vmax " + num(maxVolt) + " V, range 4: " + num(chargeAmpere) + " A charge, "
                + num(dischargeAmpere) + " A discharge";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "?" : new java.math.BigDecimal(v).round(new java.math.MathContext(6))
                .stripTrailingZeros().toPlainString();
    }
}
