package dev.clustersweep.state;

import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        return latestAttempts(dir, Map.of());
    }

    /**
     * As {@link #latestAttempts(SweepDirectory)}, taking ended attempts from {@code ended} instead of
     * reading them again: an ended attempt's records never change.
     */
    public static Map<Long, AttemptRecord> latestAttempts(SweepDirectory dir, Map<Long, AttemptRecord> ended) {
        Map<Long, Integer> latest = new HashMap<>();
        Path statusDir = dir.statusDir();
        if (!Files.isDirectory(statusDir)) {
            return Map.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(statusDir, "*.start")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int firstDot = name.indexOf('.');
                int secondDot = name.indexOf('.', firstDot + 1);
                if (firstDot <= 0 || secondDot < 0) {
                    continue; // a temporary file of the wrapper's, not a record
                }
                try {
                    long id = Long.parseLong(name, 0, firstDot, 10);
                    int attempt = Integer.parseInt(name, firstDot + 1, secondDot, 10);
                    latest.merge(id, attempt, Math::max);
                } catch (NumberFormatException e) {
                    // not a record
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Long, AttemptRecord> records = new HashMap<>(latest.size() * 2);
        latest.forEach((id, attempt) -> {
            AttemptRecord known = ended.get(id);
            AttemptRecord record = known != null && known.attempt() == attempt ? known : read(dir, id, attempt);
            if (record != null) {
                records.put(id, record);
            }
        });
        return records;
    }

    /** One attempt's records, or null when it has no start record. */
    public static AttemptRecord read(SweepDirectory dir, long taskId, int attempt) {
        Map<String, String> start = readKeyValues(dir.startRecord(taskId, attempt));
        if (start == null) {
            return null;
        }
        Map<String, String> end = readKeyValues(dir.endRecord(taskId, attempt));
        Integer exit = end == null ? null : parseInt(end.get("exit"), 255);
        Long endTime = end == null ? null : parseLong(end.get("end"));
        EndReason reason = end == null ? null : parseReason(end.get("reason"));
        return new AttemptRecord(taskId, attempt, parseInt(start.get("submission"), 0), start.get("job"),
                start.get("host"), orZero(parseLong(start.get("pid"))), orZero(parseLong(start.get("start"))), exit,
                endTime, reason);
    }

    /** The highest attempt number that has a start record, 0 when none. */
    public static int attemptCount(SweepDirectory dir, long taskId) {
        int attempt = 0;
        while (Files.exists(dir.startRecord(taskId, attempt + 1))) {
            attempt++;
        }
        return attempt;
    }

    static Map<String, String> readKeyValues(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    private static EndReason parseReason(String text) {
        try {
            return EndReason.parse(text);
        } catch (IllegalArgumentException e) {
            return EndReason.EXIT;
        }
    }

    private static Integer parseInt(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
