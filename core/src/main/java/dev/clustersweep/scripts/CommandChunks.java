package dev.clustersweep.scripts;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.shell.ShellQuote;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The commands/NNNNNN.txt files: task {@code ID} is line {@code ID % 1000 + 1} of chunk
 * {@code ID / 1000}, one {@link ShellQuote}d word per line, empty for ids that do not exist.
 */
public final class CommandChunks {

    private CommandChunks() {
    }

    /**
     * Writes the chunks for {@code jobs}, which must come in increasing id order, each chunk
     * atomically, holding one chunk's worth of text at a time at most. Chunk files of an earlier
     * write that this one does not produce are deleted. Returns the number of jobs written.
     */
    public static long write(SweepDirectory dir, Iterator<Job> jobs) throws IOException {
        Files.createDirectories(dir.commandsDir());
        Set<String> written = new HashSet<>();
        Peeking in = new Peeking(jobs);
        long count = 0;
        while (in.hasNext()) {
            long chunk = in.peek().id() / SweepDirectory.CHUNK;
            Path file = dir.commandsChunk(in.peek().id());
            long[] inChunk = {0};
            AtomicFiles.write(file, out -> inChunk[0] = writeChunk(out, in, chunk));
            count += inChunk[0];
            written.add(file.getFileName().toString());
        }
        deleteOthers(dir.commandsDir(), written);
        return count;
    }

    /** Writes the jobs of one chunk; returns how many. */
    private static long writeChunk(Writer out, Peeking in, long chunk) throws IOException {
        long next = chunk * SweepDirectory.CHUNK; // the id of the line to write next
        long count = 0;
        while (in.hasNext() && in.peek().id() / SweepDirectory.CHUNK == chunk) {
            Job job = in.next();
            for (; next < job.id(); next++) {
                out.write('\n');
            }
            out.write(ShellQuote.quote(job.command()));
            out.write('\n');
            next++;
            count++;
        }
        return count;
    }

    private static void deleteOthers(Path commandsDir, Set<String> keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(commandsDir, "[0-9][0-9][0-9][0-9][0-9][0-9]*.txt")) {
            for (Path file : files) {
                if (!keep.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** An iterator that can look at its next job, and checks that ids increase. */
    private static final class Peeking {
        private final Iterator<Job> jobs;
        private Job next;
        private long last;

        Peeking(Iterator<Job> jobs) {
            this.jobs = jobs;
        }

        boolean hasNext() {
            return next != null || jobs.hasNext();
        }

        Job peek() {
            if (next == null) {
                if (!jobs.hasNext()) {
                    throw new NoSuchElementException();
                }
                next = jobs.next();
                if (next.id() <= last) {
                    throw new IllegalArgumentException("task ids must increase: " + next.id() + " after " + last);
                }
                last = next.id();
            }
            return next;
        }

        Job next() {
            Job job = peek();
            next = null;
            return job;
        }
    }

}
