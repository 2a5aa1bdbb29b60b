package dev.clustersweep.state;

import dev.clustersweep.io.FileProblems;
import dev.clustersweep.io.ParallelReads;
import dev.clustersweep.io.SmallFiles;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the wrapper's status files ({@code status/ID.N.start} and {@code .end}, see docs/layout.md).
 * One directory listing finds every task's latest attempt; only those records are read.
 */
public final class StatusFiles {

    private StatusFiles() {
    }

    /** The latest attempt of every task that has started at least once. */
    public static Map<Long, AttemptRecord> latestAttempts(SweepDirectory dir) {
        return listed(dir, Map.of()).records();
    }

    /**
     * The latest attempts, and whether each is the attempt the listing named as its task's latest:
     * not so while a start record is being written (the one before it stands in for it).
     */
    public record Listed(Map<Long, AttemptRecord> records, boolean whole) {
    }

    /**
     * As {@link #latestAttempts(SweepDirectory)}, taking ended attempts from {@code ended} instead of
     * reading them again (an ended attempt's records never change), and saying whether any record
     * stood in for one being written.
     */
    public static Listed listed(SweepDirectory dir, Map<Long, AttemptRecord> ended) {
        Map<Long, Integer> latest = new HashMap<>();
        Path statusDir = dir.statusDir();
        if (!FileProblems.exists(statusDir)) {
            return new Listed(Map.of(), true);
        }
        // Names, not Paths matched against a glob: a 100,000-task sweep lists 200,000 entries.
        for (String name : list(statusDir)) {
            if (name.endsWith(".start")) {
                int firstDot = name.indexOf('.');
                int secondDot = name.indexOf('.', firstDot + 1);
                if (firstDot <= 0 || secondDot < 0) {
                    continue; // not a record (ID.N.start)
                }
                try {
                    long id = Long.parseLong(name, 0, firstDot, 10);
                    int attempt = Integer.parseInt(name, firstDot + 1, secondDot, 10);
                    latest.merge(id, attempt, Math::max);
                } catch (NumberFormatException e) {
                    // not a record
                }
            }
        }
        // Read by a few threads (ParallelReads): 100,000 tasks are 200,000 small files.
        long[] ids = new long[latest.size()];
        int[] attempts = new int[ids.length];
        int k = 0;
        for (Map.Entry<Long, Integer> e : latest.entrySet()) {
            ids[k] = e.getKey();
            attempts[k++] = e.getValue();
        }
        AttemptRecord[] read = ParallelReads.fill(new AttemptRecord[ids.length], () -> {
            SmallFiles files = new SmallFiles();
            return i -> {
                long id = ids[i];
                int attempt = attempts[i];
                AttemptRecord known = ended.get(id);
                AttemptRecord record = known != null && known.attempt() == attempt ? known
                        : read(statusDir, id, attempt, files);
                // The latest start record is being written (or was cut short by a crash): the one
                // before it is still the task's latest attempt that we know of.
                for (int earlier = attempt - 1; record == null && earlier >= 1; earlier--) {
                    record = read(statusDir, id, earlier, files);
                }
                return record;
            };
        });
        Map<Long, AttemptRecord> records = new HashMap<>(ids.length * 2);
        boolean whole = true;
        for (int i = 0; i < ids.length; i++) {
            if (read[i] != null) {
                records.put(ids[i], read[i]);
            }
            whole &= read[i] != null && read[i].attempt() == attempts[i];
        }
        return new Listed(records, whole);
    }

    private static final String START_SHAPE = "a start record: lines submission=N, job=ID, host=NAME, pid=N, "
            + "start=SECONDS";
    private static final String END_SHAPE = "an end record: lines exit=N, end=SECONDS, reason=exit|timeout|cancelled";

    /**
     * One attempt's records, or null when it has no start record. The wrapper writes each record's
     * lines in order into a new file, so a record that does not end with its last line (and a
     * newline) is one being written, read as not there yet; a whole record that does not parse was
     * changed by hand or damaged: it is named, rather than silently read as some other state.
     */
    public static AttemptRecord read(SweepDirectory dir, long taskId, int attempt) {
        return read(dir.statusDir(), taskId, attempt, new SmallFiles());
    }

    /** The directory's entries' names; an unreadable directory is the system refusing. */
    private static String[] list(Path statusDir) {
        String[] names = statusDir.toFile().list();
        if (names != null) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(statusDir)) {
            // File.list says null without a reason: the stream says why, or lists it after all.
            java.util.List<String> listed = new java.util.ArrayList<>();
            files.forEach(f -> listed.add(f.getFileName().toString()));
            return listed.toArray(new String[0]);
        } catch (IOException e) {
            throw FileProblems.refused("read", statusDir, e);
        }
    }

    /** As {@link SweepDirectory#startRecord} and {@link SweepDirectory#endRecord}, from the status directory. */
    private static AttemptRecord read(Path statusDir, long taskId, int attempt, SmallFiles files) {
        String base = taskId + "." + attempt;
        Path startFile = statusDir.resolve(base + ".start");
        Map<String, String> start = readKeyValues(startFile, "start=", files);
        if (start == null) {
            return null;
        }
        Path endFile = statusDir.resolve(base + ".end");
        Map<String, String> end = readKeyValues(endFile, "reason=", files);
        Integer exit = end == null ? null : requireInt(end, "exit", endFile, END_SHAPE);
        Long endTime = end == null ? null : requireLong(end, "end", endFile, END_SHAPE);
        EndReason reason = end == null ? null : parseReason(end.get("reason"), endFile);
        return new AttemptRecord(taskId, attempt, requireInt(start, "submission", startFile, START_SHAPE),
                start.get("job"), start.get("host"), requireLong(start, "pid", startFile, START_SHAPE),
                requireLong(start, "start", startFile, START_SHAPE), exit, endTime, reason);
    }

    /** The highest attempt number that has a start record, 0 when none. */
    public static int attemptCount(SweepDirectory dir, long taskId) {
        int attempt = 0;
        while (Files.exists(dir.startRecord(taskId, attempt + 1))) {
            attempt++;
        }
        return attempt;
    }

    /** The record's lines, or null when it is not there or not whole: its last line is not {@code lastKey...}. */
    static Map<String, String> readKeyValues(Path file, String lastKey, SmallFiles files) {
        String text;
        try {
            text = files.read(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw FileProblems.corrupt(file, "key=value lines of text", e);
        } catch (IOException e) {
            throw FileProblems.refused("read", file, e);
        }
        int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        if (!text.endsWith("\n") || !text.startsWith(lastKey, lastLine)) {
            return null; // being written: the wrapper's last line has not landed yet
        }
        Map<String, String> values = new HashMap<>(16);
        for (int from = 0, to; from < text.length(); from = to + 1) {
            to = text.indexOf('\n', from);
            int eq = text.indexOf('=', from);
            if (eq > from && eq < to) {
                values.put(text.substring(from, eq).trim(), text.substring(eq + 1, to).trim());
            }
        }
        return values;
    }

    private static EndReason parseReason(String text, Path file) {
        try {
            return EndReason.parse(text);
        } catch (IllegalArgumentException e) {
            throw FileProblems.corrupt(file, END_SHAPE + ", not reason=" + text, null);
        }
    }

    private static int requireInt(Map<String, String> values, String key, Path file, String shape) {
        long value = requireLong(values, key, file, shape);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw FileProblems.corrupt(file, shape + ", not " + key + "=" + values.get(key), null);
        }
        return (int) value;
    }

    private static long requireLong(Map<String, String> values, String key, Path file, String shape) {
        String text = values.get(key);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw FileProblems.corrupt(file, shape + (text == null ? ", with " + key + "=" : ", not " + key + "="
                    + text), null);
        }
    }
}
