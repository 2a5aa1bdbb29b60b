package dev.clustersweep.jobfile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Makes Jackson write what Python's {@code json.dump} writes with its defaults, so a jobfile we
 * write is byte for byte the one onager would: {@code ", "} and {@code ": "} between items, and
 * {@code ensure_ascii}: everything outside printable ASCII as a lowercase {@code \\uXXXX} (UTF-16
 * units, so characters beyond the BMP become surrogate pairs), with Python's short escapes.
 */
final class PythonJsonStyle {

    private PythonJsonStyle() {
    }

    static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = ascii();

        private static int[] ascii() {
            int[] codes = new int[128];
            for (int c = 0; c < 128; c++) {
                if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                    codes[c] = ESCAPE_CUSTOM;
                }
            }
            return codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(escape(ch));
        }
    };

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

    /** Python's default separators, with nothing else: no newlines, no indentation. */
    static final PrettyPrinter SEPARATORS = new PrettyPrinter() {
        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(' ');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
        }
    };
}
