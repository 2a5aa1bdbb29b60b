package dev.clustersweep.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The framing of the engine's cache files ({@code status.cache}, {@code results.cache}, see
 * docs/layout.md): a header line naming the kind and version, lines of tab-separated fields, and a
 * last line {@code end COUNT CRC32} over everything before it, so that a file cut short or changed
 * anywhere is seen as not whole and read as no cache at all. Text fields are {@code -} for none or
 * {@code =} and the text with backslash, tab, CR and newline escaped.
 *
 * <p>A cache is only a shortcut: reading one never fails (a missing, unreadable or damaged file is
 * null) and writing one never fails the command (false when the disk refused).
 */
public final class CacheFile {

    private CacheFile() {
    }

    /** The file's text, or null when it is absent, unreadable or not UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Replaces the file whole (a rename); false when the file system refused. */
    public static boolean write(Path file, Lines lines) {
        String text = lines.finish();
        try {
            AtomicFiles.write(file, out -> out.write(text));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A cache file being built, line by line; the header line is the first. */
    public static final class Lines {
        private final StringBuilder body;
        private int lines;
        private boolean first = true;

        public Lines(String header, int expectedLines) {
            body = new StringBuilder(64 + expectedLines * 64);
            body.append(header);
            first = false;
        }

        public Lines raw(String value) {
            separate();
            body.append(value);
            return this;
        }

        public Lines number(long value) {
            separate();
            body.append(value);
            return this;
        }

        /** A double as its IEEE 754 bits in hexadecimal, read back by {@link Fields#bits}. */
        public Lines bits(double value) {
            separate();
            body.append(Long.toHexString(Double.doubleToRawLongBits(value)));
            return this;
        }

        public Lines text(String value) {
            separate();
            escape(value, body);
            return this;
        }

        /** Ends the current line; the next field starts a new one. */
        public Lines end() {
            body.append('\n');
            lines++;
            first = true;
            return this;
        }

        private void separate() {
            if (!first) {
                body.append('\t');
            }
            first = false;
        }

        /** The whole file's text, trailer included; call once. */
        public String finish() {
            if (!first) {
                end();
            }
            String crc = crc(body, body.length());
            return body.append("end\t").append(lines).append('\t').append(crc).append('\n').toString();
        }
    }

    /**
     * The fields of a whole cache's lines, read in place (100,000 lines: no split, no copies); after
     * the header's own fields. Any misstep (a field missing, a number that is not one) is an
     * {@link IllegalArgumentException}: the caller reads that as no cache.
     */
    public static final class Fields {
        private final String text;
        private final int limit;
        private final int lineCount;
        private int at;
        private int linesRead;
        /** The last values {@link #shared} returned. */
        private final String[] recent = new String[8];
        private int nextRecent;

        private Fields(String text, int limit, int lineCount) {
            this.text = text;
            this.limit = limit;
            this.lineCount = lineCount;
        }

        /**
         * The fields of {@code text}, positioned after the header {@code header}, or null when the
         * text is not a whole cache file of that kind (cut short, changed, another version).
         */
        public static Fields of(String text, String header) {
            if (text == null || !text.endsWith("\n")) {
                return null;
            }
            int trailer = text.lastIndexOf('\n', text.length() - 2) + 1;
            if (!text.startsWith("end\t", trailer)) {
                return null;
            }
            String[] end = text.substring(trailer, text.length() - 1).split("\t", -1);
            if (end.length != 3 || !end[2].equals(crc(text, trailer)) || !text.startsWith(header)
                    || (text.charAt(header.length()) != '\t' && text.charAt(header.length()) != '\n')) {
                return null;
            }
            try {
                Fields fields = new Fields(text, trailer, Integer.parseInt(end[1]));
                fields.at = header.length();
                fields.next(header.length());
                return fields;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /**
         * As {@link #of(String, String)}, for a cache of one run of a sweep: null also when the
         * header's first field, the run it was written for, is not {@code run}.
         */
        public static Fields ofRun(String text, String header, String run) {
            Fields f = of(text, header);
            try {
                return f != null && run.equals(f.text()) ? f : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** Whether a line follows the current one (call after {@link #endOfLine}). */
        public boolean more() {
            return at < limit;
        }

        /** Whether every line the trailer counts was read: call once {@link #more} is false. */
        public boolean whole() {
            return linesRead == lineCount;
        }

        public String raw() {
            int end = fieldEnd();
            String value = text.substring(at, end);
            next(end);
            return value;
        }

        public long number() {
            int end = fieldEnd();
            long value = Long.parseLong(text, at, end, 10);
            next(end);
            return value;
        }

        public int integer() {
            return Math.toIntExact(number());
        }

        public double decimal() {
            return Double.parseDouble(raw());
        }

        /**
         * A double written as its IEEE 754 bits in hexadecimal ({@link Lines#bits}): exact to the
         * last bit, NaN's too, and read in place without a String.
         */
        public double bits() {
            int end = fieldEnd();
            long value = Long.parseUnsignedLong(text, at, end, 16);
            next(end);
            return Double.longBitsToDouble(value);
        }

        /** Consumes the next field when it is {@code expected} (a line's kind), without making a String. */
        public boolean take(String expected) {
            int end = fieldEnd();
            if (end - at == expected.length() && text.startsWith(expected, at)) {
                next(end);
                return true;
            }
            return false;
        }

        /** The constant the next field names, compared in place; an {@link IllegalArgumentException} when none. */
        public <E extends Enum<E>> E constant(E[] constants) {
            int end = fieldEnd();
            for (E c : constants) {
                String name = c.name();
                if (end - at == name.length() && text.startsWith(name, at)) {
                    next(end);
                    return c;
                }
            }
            throw new IllegalArgumentException("not a known name: " + text.substring(at, end));
        }

        /** Whether the current line has no more fields. */
        public boolean atEndOfLine() {
            return at < text.length() && text.charAt(at) == '\n';
        }

        public String text() {
            return unescape(raw());
        }

        /**
         * A text field that repeats (host, job, metric name): one String for all its lines. The few
         * last ones are compared in place first, so a value seen before costs no String at all.
         */
        public String shared(Map<String, String> seen) {
            int end = fieldEnd();
            int length = end - at - 1;
            if (length >= 0 && text.charAt(at) == '=') {
                for (String r : recent) {
                    if (r != null && r.length() == length && text.regionMatches(at + 1, r, 0, length)) {
                        next(end);
                        return r;
                    }
                }
            }
            String value = text();
            if (value == null) {
                return null;
            }
            value = seen.computeIfAbsent(value, v -> v);
            if (TabText.escape(value).equals(value)) { // else its field is not its text: not compared in place
                recent[nextRecent] = value;
                nextRecent = (nextRecent + 1) % recent.length;
            }
            return value;
        }

        public void endOfLine() {
            if (at >= text.length() || text.charAt(at) != '\n') {
                throw new IllegalArgumentException("more fields than expected");
            }
            at++;
            linesRead++;
        }

        private int fieldEnd() {
            int end = at;
            while (end < limit && text.charAt(end) != '\t' && text.charAt(end) != '\n') {
                end++;
            }
            if (end == limit) {
                throw new IllegalArgumentException("line cut short");
            }
            return end;
        }

        private void next(int end) {
            at = text.charAt(end) == '\t' ? end + 1 : end; // a newline stays, for endOfLine
        }
    }

    private static String crc(CharSequence text, int length) {
        CRC32 crc = new CRC32();
        crc.update(text.subSequence(0, length).toString().getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    static void escape(String value, StringBuilder out) {
        if (value == null) {
            out.append('-');
            return;
        }
        TabText.escape(value, out.append('='));
    }

    static String unescape(String field) {
        if (field.equals("-")) {
            return null;
        }
        if (!field.startsWith("=")) {
            throw new IllegalArgumentException("not a text field: " + field);
        }
        return TabText.unescape(field, 1);
    }
}
