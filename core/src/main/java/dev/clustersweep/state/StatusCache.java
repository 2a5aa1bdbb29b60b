package dev.clustersweep.state;

import dev.clustersweep.io.CacheFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
        Contents parsed = parse(CacheFile.read(file), run);
        return parsed != null ? parsed : Contents.empty(run);
    }

    /**
     * Replaces the file. A refusal (a read-only or full disk) is not the status's failure: the
     * cache is only ever a shortcut, and the records stay readable.
     */
    public static boolean write(Path file, Contents contents) {
        return CacheFile.write(file, lines(contents));
    }

    /**
     * The header's fields (run, settled), then one line per ended attempt ({@code a}, the records'
     * values) and per ending ({@code s}: task, submission, state, exit code, the scheduler's words).
     */
    static CacheFile.Lines lines(Contents contents) {
        CacheFile.Lines out = new CacheFile.Lines(HEADER, contents.attempts().size() + contents.endings().size());
        out.text(contents.run()).text(contents.settled()).end();
        for (AttemptRecord r : contents.attempts().values()) {
            out.raw("a").number(r.taskId()).number(r.attempt()).number(r.submission()).text(r.job()).text(r.host())
                    .number(r.pid()).number(r.start()).number(r.exitCode()).number(r.end()).raw(r.reason().name())
                    .end();
        }
        for (Map.Entry<Long, Ending> e : contents.endings().entrySet()) {
            SchedulerTask said = e.getValue().said();
            out.raw("s").number(e.getKey()).number(e.getValue().submission()).raw(said.endedAs().name())
                    .text(said.exitCode() == null ? null : said.exitCode().toString()).text(said.reason()).end();
        }
        return out;
    }

    /** The contents, or null when the text is not a whole cache of this run. */
    static Contents parse(String text, String run) {
        return parse(CacheFile.bytes(text), run);
    }

    /** As {@link #parse(String, String)}, of the file's bytes. */
    static Contents parse(byte[] file, String run) {
        return CacheFile.parse(file, HEADER, run, f -> contents(f, run));
    }

    private static Contents contents(CacheFile.Fields f, String run) {
        Contents contents = new Contents(run, f.text(), new HashMap<>((int) (f.lines() * 4L / 3 + 1)), new HashMap<>());
        f.endOfLine();
        Map<String, String> names = new HashMap<>(); // hosts and jobs repeat: one String each
        EndReason[] reasons = EndReason.values();
        TaskState[] states = TaskState.values();
        while (f.more()) {
            // Kinds and names compared in place: 100,000 lines, no String for each of their fields.
            if (f.take("a")) {
                long id = f.number();
                contents.attempts().put(id, new AttemptRecord(id, f.integer(), f.integer(), f.shared(names),
                        f.shared(names), f.number(), f.number(), f.integer(), f.number(), f.constant(reasons)));
            } else if (f.take("s")) {
                long id = f.number();
                int submission = f.integer();
                TaskState state = f.constant(states);
                String exit = f.text();
                contents.endings().put(id, new Ending(submission, SchedulerTask.ended(state,
                        exit == null ? null : Integer.valueOf(exit), f.text())));
            } else {
                return null;
            }
            f.endOfLine();
        }
        return contents;
    }
}
