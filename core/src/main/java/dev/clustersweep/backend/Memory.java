package dev.clustersweep.backend;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes: {@code 500M}, {@code 4G}, {@code 1T}; a bare number is gigabytes, as in onager. */
public final class Memory {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})([KMGT]?)B?");

    private static final Amount MEMORY = new Amount("memory size",
            "a number with K, M, G or T (a bare number is gigabytes)");

    private Memory() {
    }

    public static long parseMegabytes(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw MEMORY.bad(text);
        }
        long n = Long.parseLong(m.group(1));
        long mb = switch (m.group(2)) {
            case "K" -> (n + 1023) / 1024;
            case "M" -> n;
            case "T" -> n * 1024 * 1024;
            default -> n * 1024;
        };
        return MEMORY.positive(text, mb);
    }
}
