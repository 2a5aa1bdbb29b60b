package dev.clustersweep.io;

/**
 * Text in a field of a tab-separated line, as the engine's own files write it (the archived task
 * table, the caches): backslash, tab, CR and LF escaped as {@code \\ \t \r \n}, so a host name or a
 * scheduler's message with a tab in it neither splits its line nor changes on the way back.
 */
public final class TabText {

    private TabText() {
    }

    /** The escaped text; "" for none. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return Escapes.escape(text, TabText::escaped);
    }

    public static void escape(String text, StringBuilder out) {
        Escapes.append(text, TabText::escaped, out);
    }

    private static String escaped(char c) {
        return c == '\\' ? "\\\\" : Escapes.whitespace(c);
    }

    /** The text {@link #escape} was given, from {@code from} on. */
    public static String unescape(String text, int from) {
        if (text.indexOf('\\', from) < 0) {
            return text.substring(from);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String unescape(String text) {
        return unescape(text, 0);
    }
}
