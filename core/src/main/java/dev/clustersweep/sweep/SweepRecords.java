package dev.clustersweep.sweep;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's records in a sweep directory: submissions and cancels, each a numbered JSON file
 * written atomically, so that any process can read a true history.
 */
public final class SweepRecords {

    private final SweepDirectory dir;

    public SweepRecords(SweepDirectory dir) {
        this.dir = dir;
    }

    public List<Submission> submissions() {
        return readAll(dir.submissionsDir(), Submission.class);
    }

    public int nextSubmissionNumber() {
        return nextNumber(dir.submissionsDir());
    }

    public void write(Submission submission) throws IOException {
        Path file = dir.submission(submission.number());
        AtomicFiles.write(file, out -> SweepJson.mapper().writeValue(out, submission));
    }

    public List<Cancellation> cancellations() {
        return readAll(dir.cancelsDir(), Cancellation.class);
    }

    /** Writes a cancel record; returns its file. */
    public Path write(Cancellation cancellation) throws IOException {
        Path file = dir.cancel(nextNumber(dir.cancelsDir()));
        AtomicFiles.write(file, out -> SweepJson.mapper().writeValue(out, cancellation));
        return file;
    }

    /** Whether a cancel was recorded for this task of this submission. */
    public static boolean cancelRequested(List<Cancellation> cancellations, int submission, long taskId) {
        for (Cancellation c : cancellations) {
            if (c.submission() == submission && c.tasks().contains(taskId)) {
                return true;
            }
        }
        return false;
    }

    /** Each submission with the tasks it holds now: a task belongs to the latest submission that ran it. */
    public static List<Holding> holdings(List<Submission> submissions) {
        List<Holding> holdings = new ArrayList<>();
        TaskList taken = TaskList.empty();
        for (int i = submissions.size() - 1; i >= 0; i--) {
            Submission s = submissions.get(i);
            TaskList held = s.tasks().minus(taken);
            if (!held.isEmpty()) {
                holdings.add(0, new Holding(s, held));
            }
            taken = taken.union(s.tasks());
        }
        return holdings;
    }

    /** The tasks a submission still holds (no later submission took them). */
    public record Holding(Submission submission, TaskList tasks) {
    }

    private static <T> List<T> readAll(Path folder, Class<T> type) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<T> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> isRecordName(f.getFileName().toString())).sorted().toList()) {
                records.add(SweepJson.mapper().readValue(file.toFile(), type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static int nextNumber(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 1;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(SweepRecords::isRecordName)
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.length() - ".json".length())))
                    .max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRecordName(String name) {
        return name.length() == 11 && name.endsWith(".json") && name.chars().limit(6).allMatch(Character::isDigit);
    }
}
