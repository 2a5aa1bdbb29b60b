package dev.clustersweep.results;

/**
 * What a metric's name and value may be, shared by both file formats. Checked by hand rather than
 * with regular expressions: a 100,000-task sweep has a million lines to look at.
 */
public final class MetricSyntax {

    static final int MAX_NAME = 200;
    static final String NAME_EXPECTED = "expected a metric name of letters, digits, '_', '.', '-' or '/', starting"
            + " with a letter or '_' (e.g. loss, val/acc)";
    static final String NUMBER_EXPECTED = "expected a number (e.g. 0.31, -2, 1e-5, nan, inf)";

    private MetricSyntax() {
    }

    /** Letters, digits, '_', '.', '-', '/', starting with a letter or '_': safe as a column of every format. */
    static boolean isName(CharSequence s, int from, int to) {
        if (to <= from || to - from > MAX_NAME) {
            return false;
        }
        char first = s.charAt(from);
        if (!(isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isName(String s) {
        return isName(s, 0, s.length());
    }

    /**
     * The number {@code s[from, to)} spells, or null: decimal with an optional sign, fraction and
     * exponent, or {@code nan}, {@code inf}, {@code infinity} in any case (Python writes
     * {@code nan} and {@code inf}). Not Java's hex floats or {@code 1d}/{@code 1f} suffixes, which
     * {@link Double#parseDouble} would take.
     */
    static Double number(CharSequence s, int from, int to) {
        int i = from;
        if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i < to && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
            String word = s.subSequence(i, to).toString();
            if (word.equalsIgnoreCase("nan")) {
                return from < i ? null : Double.NaN;
            }
            if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
                return s.charAt(from) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return null;
        }
        int digits = 0;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return null;
            }
        }
        if (i != to) {
            return null;
        }
        return Double.parseDouble(s.subSequence(from, to).toString());
    }

    static Double number(String s) {
        return number(s, 0, s.length());
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
