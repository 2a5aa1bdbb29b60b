package dev.clustersweep.sweep;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.io.FileProblems;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
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
        return readAll(dir.submissionsDir(), Submission.class, SweepRecords::checkSubmission, SUBMISSION_SHAPE);
    }

    public int nextSubmissionNumber() {
        return nextNumber(dir.submissionsDir());
    }

    public void write(Submission submission) throws IOException {
        Path file = dir.submission(submission.number());
        AtomicFiles.write(file, out -> SweepJson.mapper().writeValue(out, submission));
    }

    public List<Cancellation> cancellations() {
        return readAll(dir.cancelsDir(), Cancellation.class, SweepRecords::checkCancellation, CANCEL_SHAPE);
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

    private static final String SUBMISSION_SHAPE = "a submission record: JSON with number, backend, "
            + "submittedAtMillis, tasks (a task list such as \"1-10\"), launcher and jobs "
            + "[{jobId, tasks, offset, groupSize}]";
    private static final String CANCEL_SHAPE = "a cancel record: JSON with submission, tasks (a task list such "
            + "as \"1-10\") and requestedAtMillis";

    /**
     * Reads every record of a folder. A record that is not JSON, has fields of the wrong type, a task
     * list that does not parse or a field missing is bad state the user must repair: one line naming
     * the file and what it should hold, never a trace from deep inside.
     */
    private static <T> List<T> readAll(Path folder, Class<T> type, java.util.function.Predicate<T> complete,
            String shape) {
        if (!FileProblems.exists(folder)) {
            return List.of();
        }
        List<Path> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.filter(f -> isRecordName(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw FileProblems.refused("read", folder, e);
        }
        List<T> records = new ArrayList<>();
        for (Path file : names) {
            T record;
            try {
                try (var in = Files.newInputStream(file)) { // a File would hide why it cannot be read
                    record = SweepJson.mapper().readValue(in, type);
                }
            } catch (IOException e) {
                throw FileProblems.reading(file, shape, e);
            } catch (RuntimeException e) {
                throw FileProblems.corrupt(file, shape, e);
            }
            if (record == null || !complete.test(record)) {
                throw FileProblems.corrupt(file, shape, null);
            }
            records.add(record);
        }
        return records;
    }

    private static boolean checkSubmission(Submission s) {
        return s.number() > 0 && s.backend() != null && s.tasks() != null && s.launcher() != null
                && s.launcher().host() != null && s.jobs() != null
                && s.jobs().stream().allMatch(j -> j != null && j.jobId() != null && j.tasks() != null
                        && j.groupSize() >= 1);
    }

    private static boolean checkCancellation(Cancellation c) {
        return c.submission() > 0 && c.tasks() != null;
    }

    private static int nextNumber(Path folder) {
        if (!FileProblems.exists(folder)) {
            return 1;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(SweepRecords::isRecordName)
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.length() - ".json".length())))
                    .max().orElse(0) + 1;
        } catch (IOException e) {
            throw FileProblems.refused("read", folder, e);
        }
    }

    private static boolean isRecordName(String name) {
        return name.length() == 11 && name.endsWith(".json") && name.chars().limit(6).allMatch(Character::isDigit);
    }
}
