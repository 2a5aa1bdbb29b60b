package dev.clustersweep.state;

import dev.clustersweep.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The sweep's {@code status.cache}: what polls learnt that never changes, kept from one process to
 * the next (docs/layout.md), so that the status of a finished 100,000-task sweep reads one file
 * instead of 200,000 records:
 * <ul>
 * <li>ended attempts, as their start and end records said;</li>
 * <li>endings the scheduler gave of tasks that left no end record (a pending element cancelled
 *     behind the sweep's back), replayed when the scheduler has forgotten the job: a task that
 *     ended keeps its state.</li>
 * </ul>
 * Only a cache: a file that is missing, damaged, cut short, of another version or of an earlier run
 * under the same name reads as empty and the records are read again. It is replaced whole by a
 * rename, so readers and concurrent writers only ever see one whole file.
 */
public final class StatusCache {

    public static final String FILE = "status.cache";
    private static final String HEADER = "cluster-sweep status.cache 1";

    /** What the scheduler said of a task of a submission that ended without an end record. */
    public record Ending(int submission, SchedulerTask said) {
    }

    /**
     * @param run the run the file speaks of ({@link StatusReader#runOf}); another run's file is not read
     * @param settled the status directory's modification time when a listing found every task's
     *     latest attempt ended (and the directory old enough to trust that time), else null: while
     *     the directory keeps that time, the attempts are the whole truth and it need not be listed
     * @param attempts ended attempts by task id
     * @param endings the scheduler's endings by task id, for the latest submission they were seen in
     */
    public record Contents(String run, String settled, Map<Long, AttemptRecord> attempts,
            Map<Long, Ending> endings) {

        static Contents empty(String run) {
            return new Contents(run, null, new HashMap<>(), new HashMap<>());
        }
    }

    private StatusCache() {
    }

    /** The file's contents for this run, or empty ones when it is absent, damaged or of another run. */
    public static Contents read(Path file, String run) {
        if (run == null) {
            return Contents.empty(null);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Contents.empty(run);
        } catch (IOException | RuntimeException e) {
            return Contents.empty(run); // unreadable or not text: the records are the truth
        }
        Contents parsed = parse(text, run);
        return parsed != null ? parsed : Contents.empty(run);
    }

    /**
     * Replaces the file. A refusal (a read-only or full disk) is not the status's failure: the
     * cache is only ever a shortcut, and the records stay readable.
     */
    public static boolean write(Path file, Contents contents) {
        String text = format(contents);
        try {
            AtomicFiles.write(file, out -> out.write(text));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * One header line (version and run), one line per ended attempt ({@code a}) and per ending
     * ({@code s}), tab-separated, and a last line with the count of lines before it and their CRC-32:
     * a file cut short or changed anywhere does not check out.
     */
    static String format(Contents contents) {
        StringBuilder body = new StringBuilder(64 + contents.attempts().size() * 64);
        body.append(HEADER).append('\t').append(field(contents.run())).append('\t').append(field(contents.settled()))
                .append('\n');
        int lines = 1;
        for (AttemptRecord r : contents.attempts().values()) {
            body.append('a').append('\t').append(r.taskId()).append('\t').append(r.attempt())
                    .append('\t').append(r.submission()).append('\t').append(field(r.job()))
                    .append('\t').append(field(r.host())).append('\t').append(r.pid())
                    .append('\t').append(r.start()).append('\t').append(r.exitCode())
                    .append('\t').append(r.end()).append('\t').append(r.reason().name()).append('\n');
            lines++;
        }
        for (Map.Entry<Long, Ending> e : contents.endings().entrySet()) {
            SchedulerTask said = e.getValue().said();
            body.append('s').append('\t').append(e.getKey()).append('\t').append(e.getValue().submission())
                    .append('\t').append(said.endedAs().name()).append('\t')
                    .append(field(said.exitCode() == null ? null : said.exitCode().toString()))
                    .append('\t').append(field(said.reason())).append('\n');
            lines++;
        }
        String crc = crc(body, body.length());
        return body.append("end\t").append(lines).append('\t').append(crc).append('\n').toString();
    }

    /** The contents, or null when the text is not a whole cache of this run. */
    static Contents parse(String text, String run) {
        int trailer = text.lastIndexOf('\n', text.length() - 2) + 1;
        if (!text.endsWith("\n") || !text.startsWith("end\t", trailer)) {
            return null;
        }
        String[] end = text.substring(trailer, text.length() - 1).split("\t", -1);
        if (end.length != 3 || !end[2].equals(crc(text, trailer))) {
            return null;
        }
        try {
            Fields f = new Fields(text, trailer);
            if (!HEADER.equals(f.raw()) || !run.equals(f.text())) {
                return null;
            }
            Contents contents = new Contents(run, f.text(), new HashMap<>(), new HashMap<>());
            f.endOfLine();
            int lines = 1;
            Map<String, String> names = new HashMap<>(); // hosts and jobs repeat: one String each
            for (; f.more(); lines++) {
                String kind = f.raw();
                if (kind.equals("a")) {
                    long id = f.number();
                    contents.attempts().put(id, new AttemptRecord(id, (int) f.number(), (int) f.number(),
                            f.name(names), f.name(names), f.number(), f.number(), (int) f.number(), f.number(),
                            EndReason.valueOf(f.raw())));
                } else if (kind.equals("s")) {
                    long id = f.number();
                    int submission = (int) f.number();
                    TaskState state = TaskState.valueOf(f.raw());
                    String exit = f.text();
                    contents.endings().put(id, new Ending(submission, SchedulerTask.ended(state,
                            exit == null ? null : Integer.valueOf(exit), f.text())));
                } else {
                    return null;
                }
                f.endOfLine();
            }
            return Integer.parseInt(end[1]) == lines ? contents : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null; // a number or a name that is not one: damaged by hand, whatever the CRC says
        }
    }

    /** The tab-separated fields of the file's lines, read in place (100,000 lines: no split, no copies). */
    private static final class Fields {
        private final String text;
        private final int limit;
        private int at;

        Fields(String text, int limit) {
            this.text = text;
            this.limit = limit;
        }

        boolean more() {
            return at < limit;
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

        String raw() {
            int end = fieldEnd();
            String value = text.substring(at, end);
            next(end);
            return value;
        }

        long number() {
            int end = fieldEnd();
            long value = Long.parseLong(text, at, end, 10);
            next(end);
            return value;
        }

        String text() {
            return unfield(raw());
        }

        String name(Map<String, String> names) {
            String value = text();
            return value == null ? null : names.computeIfAbsent(value, v -> v);
        }

        void endOfLine() {
            if (text.charAt(at) != '\n') {
                throw new IllegalArgumentException("more fields than expected");
            }
            at++;
        }
    }

    private static String crc(CharSequence text, int length) {
        CRC32 crc = new CRC32();
        crc.update(text.subSequence(0, length).toString().getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** A text field: {@code -} for none, else {@code =} and the text with \, tab and newline escaped. */
    static String field(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(value.length() + 1).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unfield(String field) {
        if (field.equals("-")) {
            return null;
        }
        if (!field.startsWith("=")) {
            throw new IllegalArgumentException("not a text field: " + field);
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 1; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
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
}
