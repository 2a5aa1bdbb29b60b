package dev.clustersweep.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
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

    /**
     * The file's bytes, or null when it is absent or unreadable. Fields are read from the bytes in
     * place (tab and newline are single bytes in UTF-8): 7 MB are not decoded into a String first.
     */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The UTF-8 bytes of a cache's text, as {@link #read} gives a file's (null for null). */
    public static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What {@code body} reads from the fields of a whole cache of {@code run} ({@link Fields#ofRun}),
     * or null when the file is not one, the body says null, or lines are left after it.
     */
    public static <T> T parse(byte[] file, String header, String run, Function<Fields, T> body) {
        Fields f = Fields.ofRun(file, header, run);
        if (f == null) {
            return null;
        }
        try {
            T contents = body.apply(f);
            return contents != null && f.whole() ? contents : null;
        } catch (RuntimeException e) {
            // Damaged by hand, whatever the CRC says (a count below zero, a number that is not one):
            // a cache is only a shortcut, and one that cannot be read is no cache.
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
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            String crc = crc(bytes, bytes.length);
            return body.append("end\t").append(lines).append('\t').append(crc).append('\n').toString();
        }
    }

    /**
     * The fields of a whole cache's lines, read in place from the file's UTF-8 bytes (100,000 lines:
     * no split, no copies, no String for a number); after the header's own fields. Any misstep (a
     * field missing, a number that is not one) is an {@link IllegalArgumentException}: the caller
     * reads that as no cache.
     */
    public static final class Fields {
        private final byte[] text;
        private final int limit;
        private final int lineCount;
        private int at;
        private int linesRead;
        /** The last values {@link #shared} returned, with their bytes. */
        private final String[] recent = new String[8];
        private final byte[][] recentBytes = new byte[8][];
        private int nextRecent;

        private Fields(byte[] text, int limit, int lineCount) {
            this.text = text;
            this.limit = limit;
            this.lineCount = lineCount;
        }

        /**
         * The fields of {@code file} (a cache file's bytes), positioned after the header
         * {@code header}, or null when it is not a whole cache file of that kind (cut short,
         * changed, another version).
         */
        public static Fields of(byte[] file, String header) {
            int n = file == null ? 0 : file.length;
            if (n < 2 || file[n - 1] != '\n') {
                return null;
            }
            int trailer = n - 2;
            while (trailer >= 0 && file[trailer] != '\n') {
                trailer--;
            }
            trailer++;
            String[] end = new String(file, trailer, n - 1 - trailer, StandardCharsets.UTF_8).split("\t", -1);
            byte[] head = header.getBytes(StandardCharsets.UTF_8);
            if (end.length != 3 || !end[0].equals("end") || !end[2].equals(crc(file, trailer))
                    || !startsWith(file, 0, head) || head.length >= trailer
                    || (file[head.length] != '\t' && file[head.length] != '\n')) {
                return null;
            }
            try {
                Fields fields = new Fields(file, trailer, Integer.parseInt(end[1]));
                fields.at = head.length;
                fields.next(head.length);
                return fields;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /**
         * As {@link #of(byte[], String)}, for a cache of one run of a sweep: null also when the
         * header's first field, the run it was written for, is not {@code run}.
         */
        public static Fields ofRun(byte[] file, String header, String run) {
            Fields f = of(file, header);
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

        /**
         * How many lines the trailer counts, for sizing what is read into; never more than the file
         * could hold (the trailer is outside the CRC: a count made up by hand must not size a table).
         */
        public int lines() {
            return Math.max(0, Math.min(lineCount, limit / 2));
        }

        /** Whether every line the trailer counts was read: call once {@link #more} is false. */
        public boolean whole() {
            return linesRead == lineCount;
        }

        public String raw() {
            int end = fieldEnd();
            String value = new String(text, at, end - at, StandardCharsets.UTF_8);
            next(end);
            return value;
        }

        public long number() {
            int end = fieldEnd();
            long value = digits(at, end, 10, true);
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
            if (end - at > 16) {
                throw new IllegalArgumentException("more than 64 bits");
            }
            long value = digits(at, end, 16, false);
            next(end);
            return Double.longBitsToDouble(value);
        }

        /**
         * The number in {@code [from, to)}: decimal with an optional '-' (as Long.toString writes
         * it, checked for overflow), or up to 16 hexadecimal digits in lower case (Long.toHexString).
         */
        private long digits(int from, int to, int radix, boolean signed) {
            boolean negative = signed && from < to && text[from] == '-';
            int i = negative ? from + 1 : from;
            if (i == to) {
                throw new IllegalArgumentException("not a number: an empty field");
            }
            long value = 0;
            for (; i < to; i++) {
                int b = text[i];
                int digit = b >= '0' && b <= '9' ? b - '0' : radix == 16 && b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("not a number: " + new String(text, from, to - from,
                            StandardCharsets.UTF_8));
                }
                if (radix == 10) {
                    // Accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE fits.
                    if (value < (Long.MIN_VALUE + digit) / 10) {
                        throw new IllegalArgumentException("a number out of range");
                    }
                    value = value * 10 - digit;
                } else {
                    value = (value << 4) | digit;
                }
            }
            if (radix == 10 && !negative) {
                if (value == Long.MIN_VALUE) {
                    throw new IllegalArgumentException("a number out of range");
                }
                value = -value;
            }
            return value;
        }

        /** Consumes the next field when it is {@code expected} (a line's kind, ASCII), without making a String. */
        public boolean take(String expected) {
            int end = fieldEnd();
            if (end - at == expected.length() && asciiAt(at, expected)) {
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
                if (end - at == name.length() && asciiAt(at, name)) {
                    next(end);
                    return c;
                }
            }
            throw new IllegalArgumentException("not a known name: " + raw());
        }

        private boolean asciiAt(int from, String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                if (text[from + i] != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the current line has no more fields. */
        public boolean atEndOfLine() {
            return at < text.length && text[at] == '\n';
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
            if (length >= 0 && text[at] == '=') {
                for (int r = 0; r < recent.length; r++) {
                    byte[] b = recentBytes[r];
                    if (b != null && b.length == length && java.util.Arrays.equals(text, at + 1, end, b, 0, length)) {
                        next(end);
                        return recent[r];
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
                recentBytes[nextRecent] = value.getBytes(StandardCharsets.UTF_8);
                nextRecent = (nextRecent + 1) % recent.length;
            }
            return value;
        }

        public void endOfLine() {
            if (at >= text.length || text[at] != '\n') {
                throw new IllegalArgumentException("more fields than expected");
            }
            at++;
            linesRead++;
        }

        private int fieldEnd() {
            int end = at;
            while (end < limit && text[end] != '\t' && text[end] != '\n') {
                end++;
            }
            if (end == limit) {
                throw new IllegalArgumentException("line cut short");
            }
            return end;
        }

        private void next(int end) {
            at = text[end] == '\t' ? end + 1 : end; // a newline stays, for endOfLine
        }

        private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
            return bytes.length - from >= prefix.length
                    && java.util.Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
        }
    }

    private static String crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
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
