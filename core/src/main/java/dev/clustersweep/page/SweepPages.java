package dev.clustersweep.page;

import dev.clustersweep.backend.HumanDuration;
import dev.clustersweep.engine.SearchProgress;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.JobFileIndex;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the pages of one sweep. Hold one per sweep (the Jenkins action keeps it for its build):
 * it keeps the sweep's {@link JobFileIndex}, so only the first page after a launch reads all of
 * jobs.json, and each page after that reads only its own rows.
 *
 * <p>A page costs one pass over the status for the counts and, when filtered, one more that stops
 * at the page's last row; no sorting, and per row only its tag, its log files' existence and a
 * little arithmetic.
 */
public final class SweepPages {

    /** Where a page's tags come from: {@link JobFileIndex} on jobs.json, or an archived task table. */
    @FunctionalInterface
    public interface Tags {
        /** The tags of tasks {@code ids} (ascending), aligned with them; null for an unknown id. */
        String[] tags(long[] ids);
    }

    /** Whether an attempt's log file exists. */
    @FunctionalInterface
    public interface Logs {
        boolean exists(long taskId, int attempt, LogLink.Stream stream);
    }

    private final SweepDirectory dir;
    private final Tags tags;
    private final Logs logs;

    /** Pages of a sweep directory: tags from its jobs.json, logs checked on disk. */
    public SweepPages(SweepDirectory dir) {
        this.dir = dir;
        JobFileIndex index = new JobFileIndex(dir.jobFile());
        this.tags = index::tags;
        this.logs = (id, attempt, stream) -> Files.exists(stream == LogLink.Stream.STDOUT ? dir.stdout(id, attempt)
                : dir.stderr(id, attempt));
    }

    /**
     * Pages of a sweep that is no longer at hand (a finished Jenkins build reads its archived task
     * table): tags and log existence from elsewhere.
     */
    public SweepPages(Tags tags, Logs logs) {
        this.dir = null;
        this.tags = tags;
        this.logs = logs;
    }

    /** The sweep directory, or null for pages of an archived table. */
    public SweepDirectory directory() {
        return dir;
    }

    public SweepPage page(SweepStatus status, TaskFilter filter, PageRequest request) {
        return page(status, filter, request, Instant.now().getEpochSecond());
    }

    /**
     * @param status the sweep's status, its tasks in id order (as {@code Sweep.status()} gives them)
     * @param now epoch seconds, for the duration of running tasks
     */
    public SweepPage page(SweepStatus status, TaskFilter filter, PageRequest request, long now) {
        SweepProgress progress = SweepProgress.of(status);
        long matching = filter.count(progress);
        int size = request.size();
        int totalPages = (int) Math.max(1, (matching + size - 1) / size);
        int page = Math.min(request.page(), totalPages);
        long skip = (long) (page - 1) * size;
        List<TaskStatus> shown = select(status.tasks(), filter, skip, size);
        long[] ids = new long[shown.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = shown.get(i).id();
        }
        String[] tagOf = tags.tags(ids);
        List<TaskRow> rows = new ArrayList<>(shown.size());
        for (int i = 0; i < ids.length; i++) {
            rows.add(row(shown.get(i), tagOf[i], now));
        }
        long first = rows.isEmpty() ? 0 : skip + 1;
        long last = rows.isEmpty() ? 0 : skip + rows.size();
        TaskTable table = new TaskTable(page, size, totalPages, matching, first, last, rows);
        // A search's replay is cheap beside the status: its log has a line per sample, not per task.
        SearchProgress search = dir == null ? null : search(dir);
        return new SweepPage(status.jobName(), now, progress, filter, table, search);
    }

    /** The search's progress; null when there is none, or its files cannot be read (the tasks still show). */
    private static SearchProgress search(SweepDirectory dir) {
        try {
            return SearchProgress.of(dir);
        } catch (RuntimeException e) { // a damaged search.log: sweep status names it; the page is about the tasks
            return null;
        }
    }

    /** The {@code size} tasks after the first {@code skip} that pass the filter. */
    private static List<TaskStatus> select(List<TaskStatus> tasks, TaskFilter filter, long skip, int size) {
        if (filter.isAll()) {
            int from = (int) Math.min(skip, tasks.size());
            return tasks.subList(from, Math.min(tasks.size(), from + size));
        }
        List<TaskStatus> shown = new ArrayList<>(size);
        long seen = 0;
        for (TaskStatus task : tasks) {
            if (filter.matches(task.state()) && seen++ >= skip) {
                shown.add(task);
                if (shown.size() == size) {
                    break;
                }
            }
        }
        return shown;
    }

    private TaskRow row(TaskStatus task, String tag, long now) {
        Long seconds = task.durationSeconds(now);
        return new TaskRow(task.id(), tag, task.state(), task.exitCode(), task.attempts(), task.attempt(),
                task.submission(), task.host(), seconds, seconds == null ? null : HumanDuration.format(seconds),
                task.detail(), logs(task.id(), task.attempts()));
    }

    /** Both logs of every attempt, oldest first, so an earlier attempt's output stays reachable. */
    public List<LogLink> logs(long taskId, int attempts) {
        List<LogLink> links = new ArrayList<>(2 * attempts);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            for (LogLink.Stream stream : LogLink.Stream.values()) {
                links.add(new LogLink(taskId, attempt, stream, LogLink.relativePath(taskId, attempt, stream),
                        logs.exists(taskId, attempt, stream)));
            }
        }
        return links;
    }
}
