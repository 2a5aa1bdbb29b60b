package dev.clustersweep.report;

/**
 * Escapes user text (parameter values, metric names, the job's name) for HTML and the SVG inside
 * it: a value such as {@code <script>} or {@code " onload="} must show as text, never act as markup.
 */
public final class Html {

    private Html() {
    }

    /**
     * The text with {@code & < > " '} as character references, safe in element content and in
     * quoted attributes alike. Control characters other than tab and newline, which HTML and SVG
     * do not allow, and lone surrogates become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> allowed(text, i) ? null : "\uFFFD";
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n';
        }
        if (c == 0x7f || c == 0xfffe || c == 0xffff) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return true;
    }
}
