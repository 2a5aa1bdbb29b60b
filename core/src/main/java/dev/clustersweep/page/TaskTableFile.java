package dev.clustersweep.page;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.io.TabText;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's task table as a text file, so that a page can be shown once the sweep directory is gone
 * (a Jenkins build keeps it in its own directory; the sweep's working directory may be wiped).
 *
 * <p>Format: UTF-8, optional {@code #key=value} lines ({@code jobName}, {@code notLaunched}), then a
 * tab-separated header and one line per launched task in id order. Columns are found by their header
 * name, so files with fewer columns (no {@code tag}) still read. Text fields ({@code host},
 * {@code detail}, {@code tag}) escape backslash, tab, CR and LF as {@code \\ \t \r \n}; empty fields
 * are unknowns (null), except the tag, where an empty field is the empty tag.
 */
public final class TaskTableFile {

    static final String[] COLUMNS = {"id", "state", "exit", "attempts", "attempt", "submission", "host", "start",
        "end", "detail", "tag"};
    /** How many tags are looked up at once while writing. */
    private static final int TAG_BATCH = 1024;

    private TaskTableFile() {
    }

    /** Writes {@code status} with each task's tag from {@code tags}; does not close {@code out}. */
    public static void write(SweepStatus status, SweepPages.Tags tags, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("#jobName=" + TabText.escape(status.jobName()) + "\n");
        w.write("#notLaunched=" + status.notLaunched() + "\n");
        w.write(String.join("\t", COLUMNS));
        w.write('\n');
        List<TaskStatus> tasks = status.tasks();
        for (int from = 0; from < tasks.size(); from += TAG_BATCH) {
            int to = Math.min(tasks.size(), from + TAG_BATCH);
            long[] ids = new long[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = tasks.get(i).id();
            }
            String[] tagOf = tags.tags(ids);
            for (int i = from; i < to; i++) {
                TaskStatus t = tasks.get(i);
                w.write(t.id() + "\t" + t.state() + "\t" + plain(t.exitCode()) + "\t" + t.attempts() + "\t"
                        + t.attempt() + "\t" + t.submission() + "\t" + TabText.escape(t.host()) + "\t" + plain(t.start())
                        + "\t" + plain(t.end()) + "\t" + TabText.escape(t.detail()) + "\t" + TabText.escape(tagOf[i - from]) + "\n");
            }
        }
        w.flush();
    }

    /** Reads a table written by {@link #write} (or one without tags). */
    public static ArchivedSweep read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Map<String, String> meta = new HashMap<>();
        String line = r.readLine();
        while (line != null && line.startsWith("#")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                meta.put(line.substring(1, eq), TabText.unescape(line.substring(eq + 1)));
            }
            line = r.readLine();
        }
        if (line == null) {
            throw new IOException("task table has no header line");
        }
        String[] header = line.split("\t", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        for (String required : new String[] {"id", "state"}) {
            if (!column.containsKey(required)) {
                throw new IOException("task table has no '" + required + "' column: " + line);
            }
        }
        int id = column.get("id");
        int state = column.get("state");
        int exit = column.getOrDefault("exit", -1);
        int attempts = column.getOrDefault("attempts", -1);
        int attempt = column.getOrDefault("attempt", -1);
        int submission = column.getOrDefault("submission", -1);
        int host = column.getOrDefault("host", -1);
        int start = column.getOrDefault("start", -1);
        int end = column.getOrDefault("end", -1);
        int detail = column.getOrDefault("detail", -1);
        int tag = column.getOrDefault("tag", -1);
        List<TaskStatus> tasks = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                tasks.add(new TaskStatus(Long.parseLong(f[id]), TaskState.valueOf(f[state]),
                        integer(f, exit), count(f, attempts), count(f, attempt), count(f, submission),
                        text(f, host), number(f, start), number(f, end), text(f, detail)));
            } catch (RuntimeException e) {
                throw new IOException("bad task table line " + number + ": " + line, e);
            }
            tags.add(tag < 0 || tag >= f.length ? null : TabText.unescape(f[tag]));
        }
        long notLaunched = meta.containsKey("notLaunched") ? Long.parseLong(meta.get("notLaunched")) : 0;
        String jobName = meta.getOrDefault("jobName", "");
        return new ArchivedSweep(new SweepStatus(jobName, tasks, notLaunched), tags.toArray(new String[0]));
    }

    private static String plain(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String field(String[] f, int i) {
        return i < 0 || i >= f.length || f[i].isEmpty() ? null : f[i];
    }

    private static String text(String[] f, int i) {
        String v = field(f, i);
        return v == null ? null : TabText.unescape(v);
    }

    private static Integer integer(String[] f, int i) {
        String v = field(f, i);
        return v == null ? null : Integer.valueOf(v);
    }

    private static int count(String[] f, int i) {
        String v = field(f, i);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private static Long number(String[] f, int i) {
        String v = field(f, i);
        return v == null ? null : Long.valueOf(v);
    }
}
