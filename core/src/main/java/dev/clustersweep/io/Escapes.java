package dev.clustersweep.io;

/**
 * The one loop that writes a text with some of its characters escaped, shared by every escaping in
 * the engine (tab fields, JSON strings, bash's {@code $'...'} words, one-line messages); each says
 * only which characters it escapes and how, as an {@link Escape}.
 */
public final class Escapes {

    /** How one character is written: its escape, or null when it stands as it is. */
    @FunctionalInterface
    public interface Escape {
        String of(char c);
    }

    private Escapes() {
    }

    /** {@code text} with each character {@code escape} names replaced by its escape. */
    public static String escape(String text, Escape escape) {
        StringBuilder out = new StringBuilder(text.length());
        append(text, escape, out);
        return out.toString();
    }

    /** {@link #escape}, appended to {@code out}. */
    public static void append(String text, Escape escape, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape.of(c);
            if (escaped == null) {
                out.append(c);
            } else {
                out.append(escaped);
            }
        }
    }

    /** {@code \n}, {@code \r} and {@code \t} for a newline, a CR and a tab; null for any other character. */
    public static String whitespace(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
    }

    /**
     * As bash's {@code $'...'} reads them: {@link #whitespace}, and {@code \xHH} for the other control
     * characters and DEL; null for any other character.
     */
    public static String control(char c) {
        String named = whitespace(c);
        if (named == null && (c < 0x20 || c == 0x7f)) {
            return String.format("\\x%02x", (int) c);
        }
        return named;
    }
}
