package dev.clustersweep.jobfile;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A sweep's tasks on disk ({@code jobs.json}, onager's format; see docs/layout.md). Every method
 * here streams: the file is read or written one task at a time.
 */
public final class JobFile {

    /** What a pass over a jobfile learns: how many tasks and the largest id (0 when empty). */
    public record Summary(long size, long maxId) {
        /** The id the next appended task gets, as onager computes it. */
        public long nextId() {
            return maxId + 1;
        }
    }

    private JobFile() {
    }

    /** Reads the tasks in file order; close the reader if you stop early. */
    public static JobFileReader open(Path path) {
        return JobFileReader.open(path);
    }

    public static void forEach(Path path, Consumer<Job> action) {
        try (JobFileReader reader = open(path)) {
            reader.forEachRemaining(action);
        }
    }

    /** Reads the whole file once, checking every entry. */
    public static Summary scan(Path path) {
        long[] counts = new long[2];
        forEach(path, job -> {
            counts[0]++;
            counts[1] = Math.max(counts[1], job.id());
        });
        return new Summary(counts[0], counts[1]);
    }

    /** The task ids in the file, checking every entry; a million ids take a few ranges. */
    public static TaskList ids(Path path) {
        TaskList.Builder ids = TaskList.builder();
        try (JobFileReader reader = open(path)) {
            for (long id; (id = reader.nextId()) != 0; ) {
                ids.add(id);
            }
        }
        return ids.build();
    }

    /**
     * As {@link #ids}, also requiring the ids in increasing order, as onager and prelaunch write
     * them: a launch streams the tasks into command chunks in file order.
     */
    public static TaskList idsInOrder(Path path) {
        TaskList.Builder ids = TaskList.builder();
        long[] previous = {0};
        forEach(path, job -> {
            if (job.id() <= previous[0]) {
                throw new dev.clustersweep.BadInputException("bad jobfile " + path + ": task " + job.id()
                        + " comes after task " + previous[0] + "; expected the ids in increasing order");
            }
            previous[0] = job.id();
            ids.add(job.id());
        });
        return ids.build();
    }

    /**
     * The tasks with the given ids, in file order; ids the file does not hold are absent. Stops
     * reading once all are found, so entries after the last one wanted are not checked.
     */
    public static Map<Long, Job> lookup(Path path, Collection<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        Map<Long, Job> found = new LinkedHashMap<>();
        try (JobFileReader reader = open(path)) {
            while (found.size() < wanted.size() && reader.hasNext()) {
                Job job = reader.next();
                if (wanted.contains(job.id())) {
                    found.put(job.id(), job);
                }
            }
        }
        return found;
    }

    /** Writes the tasks to {@code path} atomically (temporary file, then rename). */
    public static void write(Path path, Iterator<Job> jobs) throws IOException {
        AtomicFiles.write(path, out -> {
            try (JobFileWriter writer = new JobFileWriter(out)) {
                while (jobs.hasNext()) {
                    writer.write(jobs.next());
                }
            }
        });
    }
}
