package dev.clustersweep.search;

import java.math.BigDecimal;

/**
 * The text a task receives for a value. Doubles keep Java's shortest round-trip digits but in
 * plain decimal ({@code 0.001}, not {@code 1.0E-3}) from 1e-7 up to 1e16, since scripts that parse
 * their arguments by hand (or pass them on to a shell) cope badly with exponents; they keep a
 * {@code .0} when whole, so a float parameter still looks like a float to Python. Outside that
 * range the exponent form is shorter and no less exact.
 */
public final class ValueText {

    private static final double PLAIN_LOW = 1e-7;
    private static final double PLAIN_HIGH = 1e16;

    private ValueText() {
    }

    /** {@code 0.001}, {@code 2.0}, {@code -3.5}, {@code 1.0E-9}; NaN and infinities as Java writes them. */
    public static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0.0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < PLAIN_LOW || magnitude >= PLAIN_HIGH) {
            return Double.toString(value);
        }
        // Double.toString's digits are the shortest that read back exactly; only the notation changes.
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** An integer value: {@code 3}, never {@code 3.0}. */
    public static String of(long value) {
        return Long.toString(value);
    }
}
