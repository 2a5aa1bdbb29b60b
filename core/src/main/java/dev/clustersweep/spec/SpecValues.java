package dev.clustersweep.spec;

import dev.clustersweep.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one field of a spec from what a Pipeline script or a spec file hands over: Java strings,
 * Groovy strings (any {@link CharSequence}), numbers of every boxed kind, booleans, lists and maps.
 * Every method names the field and what is expected when the value does not fit.
 */
final class SpecValues {

    private SpecValues() {
    }

    /**
     * A scalar as the text a task receives. Integers as digits; {@link BigDecimal} (Groovy's type for
     * {@code 0.1}) as written ({@code 0.10} stays {@code 0.10}); doubles in their shortest form
     * ({@code 0.1}, {@code 1e-07} for very small ones); booleans as {@code true}/{@code false}.
     */
    static String text(String field, Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return doubleText(field, ((Number) value).doubleValue(), value instanceof Float);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        throw new BadInputException("bad " + field + " " + describe(value)
                + ": expected a string, number or boolean");
    }

    private static String doubleText(String field, double d, boolean isFloat) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new BadInputException("bad " + field + " '" + d + "': expected a finite number");
        }
        // Float.toString gives the shortest text for the float, not the widened double's digits.
        BigDecimal exact = new BigDecimal(isFloat ? Float.toString((float) d) : Double.toString(d));
        double magnitude = Math.abs(d);
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
            String plain = exact.toPlainString();
            // Keep one decimal for whole doubles (3.0), as Groovy and Python print them.
            return plain.contains(".") ? stripZeros(plain) : plain + ".0";
        }
        // Python's style for the rest: 1e-07, 1.5e+20.
        BigDecimal unscaled = exact.stripTrailingZeros();
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        String mantissa = stripZeros(unscaled.movePointLeft(exponent).toPlainString());
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    private static String stripZeros(String plain) {
        if (!plain.contains(".")) {
            return plain;
        }
        String s = plain.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    /** A string field; numbers are accepted as their text (e.g. {@code mem: 4}). */
    static String string(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection || value instanceof Map) {
            throw new BadInputException("bad " + field + " " + describe(value) + ": expected a single value, not a "
                    + (value instanceof Map ? "map" : "list"));
        }
        return text(field, value);
    }

    static Integer integer(String field, Object value, int min) {
        if (value == null) {
            return null;
        }
        String expected = "expected a whole number of " + min + " or more";
        long n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
                || value instanceof Float) {
            BigDecimal d = value instanceof BigInteger b ? new BigDecimal(b)
                    : value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
            try {
                n = d.longValueExact();
            } catch (ArithmeticException e) {
                throw new BadInputException("bad " + field + " '" + text(field, value) + "': " + expected);
            }
        } else if (value instanceof CharSequence text) {
            String t = text.toString().trim();
            if (!t.matches("-?\\d{1,18}")) {
                throw new BadInputException("bad " + field + " '" + text + "': " + expected);
            }
            n = Long.parseLong(t);
        } else {
            throw new BadInputException("bad " + field + " " + describe(value) + ": " + expected);
        }
        if (n < min || n > Integer.MAX_VALUE) {
            throw new BadInputException("bad " + field + " '" + n + "': " + expected);
        }
        return (int) n;
    }

    static Boolean bool(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence text) {
            String t = text.toString().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
        }
        throw new BadInputException("bad " + field + " " + describe(value) + ": expected true or false");
    }

    /** A list of scalars; a single scalar is a list of one. */
    static List<String> strings(String field, Object value) {
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (item == null) {
                    throw new BadInputException("bad " + field + ": item " + (i + 1) + " is null: expected a value");
                }
                if (item instanceof Collection || item instanceof Map) {
                    throw new BadInputException("bad " + field + ": item " + (i + 1) + " " + describe(item)
                            + " is a " + (item instanceof Map ? "map" : "list") + ": expected a string, number or boolean");
                }
                out.add(text(field, item));
                i++;
            }
        } else if (value instanceof Map) {
            throw new BadInputException("bad " + field + " " + describe(value) + ": expected a list of values");
        } else {
            out.add(text(field, value));
        }
        return out;
    }

    /** Lines of shell text: a list, or one string split at newlines. */
    static List<String> lines(String field, Object value) {
        if (value instanceof CharSequence text) {
            String t = text.toString();
            return t.isEmpty() ? List.of() : List.of(t.split("\r?\n", -1));
        }
        return strings(field, value);
    }

    /** A map with string keys, in its own order. */
    static Map<String, Object> map(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> in)) {
            throw new BadInputException("bad " + field + " " + describe(value) + ": expected a map, e.g. "
                    + field + ": [name: value]");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            if (!(e.getKey() instanceof CharSequence)) {
                throw new BadInputException("bad " + field + " key " + describe(e.getKey()) + ": expected a name");
            }
            out.put(e.getKey().toString(), e.getValue());
        }
        return out;
    }

    /** How a value looks in a message: text in quotes, other things with their kind. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return "'" + value + "'";
        }
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        String kind = value instanceof Map ? "map" : value instanceof Collection ? "list" : value.getClass().getSimpleName();
        return "'" + shown + "' (a " + kind + ")";
    }
}
