package dev.clustersweep.results;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How values are written: exactly where a program reads them (CSV, JSON), rounded to six
 * significant digits where a person does (terminal, Markdown). NaN and the infinities are written
 * as a task writes them: {@code nan}, {@code inf}, {@code -inf}.
 */
public final class NumberText {

    private static final MathContext SHOWN = new MathContext(6);

    private NumberText() {
    }

    /** The value with as many digits as it takes to read it back: {@code 0.31}, {@code 3}, {@code 1.0E-7}. */
    static String exact(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Six significant digits, trailing zeros dropped; plain notation from 1e-4 to 1e9. */
    public static String shown(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SHOWN).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e9) {
            return rounded.toPlainString();
        }
        return rounded.toString().replace("E+", "e").replace("E", "e");
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return null;
    }
}
