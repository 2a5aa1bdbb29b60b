package dev.clustersweep.state;

import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a sweep's status files poll after poll, keeping what never changes: an ended attempt's
 * records, and how the scheduler said a task ended that left no end record. A long wait reads each
 * finished task's files once, not at every poll; and through {@link StatusCache} a new process (the
 * next {@code sweep status}, a Jenkins poll after a restart) starts from what the last one learnt.
 */
public final class StatusReader {

    /**
     * Attempts read from the files since the cache was last written, below which it is not written
     * again: a poll that saw a few tasks end does not rewrite a 100,000-line file.
     */
    private static final int REWRITE_AFTER = 1000;

    /**
     * How much older than a listing the status directory must be for its modification time to stand
     * for what the listing found. A file created in the same clock tick as the listing (or written
     * on a node whose clock runs a little behind) may leave the time unchanged; one created after the
     * margin cannot. Git trusts its index's times the same way ("racy git").
     */
    private static final long SETTLED_MARGIN_NANOS = 5_000_000_000L;

    private final SweepDirectory dir;
    private Map<Long, AttemptRecord> ended = new HashMap<>();
    private Map<Long, StatusCache.Ending> endings = new HashMap<>();
    /** The run the cache is of; null until it is known (before the first submission). */
    private String run;
    /** See {@link StatusCache.Contents#settled}. */
    private String settled;
    private int unsavedAttempts;
    private boolean mustSave;

    public StatusReader(SweepDirectory dir) {
        this.dir = dir;
    }

    public synchronized Map<Long, AttemptRecord> latestAttempts() {
        load();
        String before = modified();
        if (settled != null && settled.equals(before)) {
            return java.util.Collections.unmodifiableMap(ended); // no file came or went: every attempt ended
        }
        long listedAt = System.currentTimeMillis();
        Map<Long, AttemptRecord> known = ended;
        StatusFiles.Listed listed = StatusFiles.listed(dir, known);
        Map<Long, AttemptRecord> latest = listed.records();
        Map<Long, AttemptRecord> nowEnded = new HashMap<>(latest.size() * 2);
        latest.forEach((id, record) -> {
            if (record.ended()) {
                nowEnded.put(id, record);
                if (known.get(id) != record) {
                    unsavedAttempts++;
                }
            }
        });
        ended = nowEnded;
        // Settled only when every latest attempt ended and was read as the listing named it: a start
        // record still being written (its earlier attempt standing in) would be missed for good.
        String nowSettled = listed.whole() && nowEnded.size() == latest.size() && old(before, listedAt) ? before
                : null;
        if (!java.util.Objects.equals(nowSettled, settled)) {
            settled = nowSettled;
            mustSave |= nowSettled != null; // the next process need not list the directory at all
        }
        return latest;
    }

    /** The status directory's modification time, exactly (nanoseconds where the file system keeps them). */
    private String modified() {
        try {
            return Files.getLastModifiedTime(dir.statusDir()).toInstant().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean old(String modified, long listedAtMillis) {
        if (modified == null) {
            return false;
        }
        java.time.Instant time = java.time.Instant.parse(modified);
        return java.time.Duration.between(time, java.time.Instant.ofEpochMilli(listedAtMillis)).toNanos()
                >= SETTLED_MARGIN_NANOS;
    }

    /**
     * What the scheduler says of a task of a submission, or, when it no longer knows it, the ending
     * it gave before: a task cancelled behind the sweep's back stays CANCELLED once the scheduler has
     * forgotten it, rather than turning LOST. Endings learnt before {@link #latestAttempts} first
     * found the run are kept in memory and written with it.
     */
    public synchronized SchedulerTask remembered(long taskId, int submission, SchedulerTask said) {
        if (said.kind() == SchedulerTask.Kind.ENDED) {
            StatusCache.Ending before = endings.get(taskId);
            if (before == null || before.submission() < submission
                    || (before.submission() == submission && !before.said().equals(said))) {
                endings.put(taskId, new StatusCache.Ending(submission, said));
                mustSave = true;
            }
            return said;
        }
        if (said.kind() == SchedulerTask.Kind.UNKNOWN) {
            StatusCache.Ending before = endings.get(taskId);
            if (before != null && before.submission() == submission) {
                return before.said();
            }
        }
        return said;
    }

    /**
     * Writes {@code status.cache} when this reader learnt enough since it was read: any new ending
     * (they are few and cannot be learnt again), that every attempt has ended, or
     * {@link #REWRITE_AFTER} ended attempts, or a tenth of what the file holds. A file that cannot be written is left as it is.
     */
    public synchronized void save() {
        if (run == null) {
            return;
        }
        if (mustSave || unsavedAttempts >= REWRITE_AFTER
                || (unsavedAttempts > 0 && unsavedAttempts * 10 >= ended.size())) {
            if (StatusCache.write(dir.statusCache(), new StatusCache.Contents(run, settled, ended, endings))) {
                unsavedAttempts = 0;
                mustSave = false;
            }
        }
    }

    /**
     * Forgets what was learnt of the run and deletes its caches (results.cache and parameters.cache too): the sweep's directory is being cleared
     * for a fresh run, whose task 1 attempt 1 is not the one that ended before.
     */
    public synchronized void forgetRun() throws IOException {
        Files.deleteIfExists(dir.statusCache());
        Files.deleteIfExists(dir.resultsCache());
        Files.deleteIfExists(dir.parametersCache());
        ended = new HashMap<>();
        endings = new HashMap<>();
        run = null;
        settled = null;
        unsavedAttempts = 0;
        mustSave = false;
    }

    /**
     * Reads the cache once its run is known; what this reader learnt before that is kept over it. A
     * run that changed under this reader (the directory cleared for a fresh run, by this process or
     * another) starts it afresh.
     */
    private void load() {
        String now = runOf(dir);
        if (run != null && !run.equals(now)) {
            ended = new HashMap<>();
            endings = new HashMap<>();
            settled = null;
            unsavedAttempts = 0;
            mustSave = false;
            run = null;
        }
        if (run != null || (run = now) == null) {
            return;
        }
        StatusCache.Contents cached = StatusCache.read(dir.statusCache(), run);
        if (ended.isEmpty()) {
            settled = cached.settled(); // else this reader has seen more than the file: list again
        }
        cached.attempts().putAll(ended);
        cached.endings().putAll(endings);
        ended = cached.attempts();
        endings = cached.endings();
    }

    /**
     * The run a cache belongs to: its status directory (as the file system identifies it) and the
     * checksum of its first submission record. A fresh run under the same name (a Jenkins build
     * clears the directory) has a new record, so an earlier run's file is never taken for its own;
     * null before the first submission, when there is nothing to cache.
     */
    public static String runOf(SweepDirectory dir) {
        try {
            BasicFileAttributes status = Files.readAttributes(dir.statusDir(), BasicFileAttributes.class);
            // The first submission's bytes name the run (its time of acceptance and job ids), whatever
            // the file system's time resolution or inode reuse.
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(Files.readAllBytes(dir.submission(1)));
            return status.fileKey() + " " + Long.toHexString(crc.getValue());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
