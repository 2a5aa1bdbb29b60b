package dev.clustersweep.backend;

import dev.clustersweep.BadInputException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes: {@code 500M}, {@code 4G}, {@code 1T}; a bare number is gigabytes, as in onager. */
public final class Memory {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})([KMGT]?)B?");

    private Memory() {
    }

    public static long parseMegabytes(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(text);
        }
        long n = Long.parseLong(m.group(1));
        long mb = switch (m.group(2)) {
            case "K" -> (n + 1023) / 1024;
            case "M" -> n;
            case "T" -> n * 1024 * 1024;
            default -> n * 1024;
        };
        if (mb <= 0) {
            throw bad(text);
        }
        return mb;
    }

    private static BadInputException bad(String text) {
        return new BadInputException("bad memory size '" + text
                + "': expected a number with K, M, G or T (a bare number is gigabytes), above zero");
    }
}
