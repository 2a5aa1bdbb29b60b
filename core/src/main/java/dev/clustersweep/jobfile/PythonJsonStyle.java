package dev.clustersweep.jobfile;

/**
 * Python's {@code json.dump} escapes with its defaults ({@code ensure_ascii}), so a jobfile we write
 * is byte for byte the one onager would: everything outside printable ASCII as a lowercase
 * {@code \\uXXXX} (UTF-16 units, so characters beyond the BMP become surrogate pairs), with Python's
 * short escapes.
 */
final class PythonJsonStyle {

    private PythonJsonStyle() {
    }

    /** Python's escape of one UTF-16 unit that is not printable ASCII (or is a quote or backslash). */
    static String escape(int ch) {
        switch (ch) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                char[] out = {'\\', 'u', hex(ch >> 12), hex(ch >> 8), hex(ch >> 4), hex(ch)};
                return new String(out);
        }
    }

    private static char hex(int nibble) {
        return "0123456789abcdef".charAt(nibble & 0xf);
    }
}
