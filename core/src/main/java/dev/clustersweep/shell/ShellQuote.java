package dev.clustersweep.shell;

import dev.clustersweep.io.Escapes;

/**
 * Quotes values for a POSIX shell (bash) so that the shell hands them to the program unchanged.
 * Values that need no quoting are returned as they are, so that commands stay readable and match
 * what onager prints for such values.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** True when the shell would read {@code value} back as exactly this one word. */
    public static boolean isSafe(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_-+=.,/:@%^".indexOf(c) >= 0;
            // '~' only expands at the start of a word or after '=' or ':'; keep it simple and quote it.
            if (!plain && c < 0x80) {
                return false;
            }
            if (c >= 0x80 && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One shell word for {@code value}: the value itself when safe, single quotes when the value has
     * no control characters, and bash's {@code $'...'} form otherwise (so a newline stays on one line).
     */
    public static String quote(String value) {
        if (isSafe(value)) {
            return value;
        }
        if (!hasControl(value)) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append("$'");
        Escapes.append(value, ShellQuote::dollarEscaped, out);
        return out.append('\'').toString();
    }

    private static String dollarEscaped(char c) {
        return c == '\\' || c == '\'' ? "\\" + c : Escapes.control(c);
    }

    /** A command line: each word quoted with {@link #quote}, joined by single spaces. */
    public static String join(java.util.List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
