package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import java.math.BigDecimal;
import java.math.MathContext;

/** How the runner writes numbers and places in messages operators read. */
final class Texts {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private Texts() {
    }

    /** A number with at most six significant digits and no trailing zeros: 1.9, 3600, 0.002. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Pressure as people in the lab say it. */
    static String pressure(double pascal) {
        return number(pascal / 1e6) + " MPa";
    }

    /** "file:line:column: 'text'" — where a step was written, for messages about it. */
    static String where(Step step) {
        SourceLocation at = step.at();
        String text = "'" + step.text() + "'";
        return at == null ? "step " + text : at + ": " + text;
    }
}
