package dev.clustersweep.jobfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.clustersweep.BadInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a jobfile written by onager or by us one task at a time, in file order, so a file of a
 * million tasks is never held as objects. Anything that is not {@code {"ID": [command, tag], ...}}
 * with distinct positive integer ids is a {@link BadInputException} naming the file and the entry
 * (the entries are read by {@link EntryReader}, which {@link JobFileIndex} shares).
 */
public final class JobFileReader implements Iterator<Job>, Closeable {

    private final Path path;
    private final EntryReader entries;
    private final IdSet seen = new IdSet();
    private Job pending;
    private boolean done;

    private JobFileReader(Path path, EntryReader entries) {
        this.path = path;
        this.entries = entries;
    }

    /** Opens the jobfile and checks that it starts as one; entries are checked as they are read. */
    public static JobFileReader open(Path path) {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no jobfile at " + path + ": " + EntryReader.EXPECTED);
        } catch (IOException e) {
            throw dev.clustersweep.io.FileProblems.refused("read jobfile", path, e); // permission: exit 3
        }
        JobFileReader reader;
        try {
            reader = new JobFileReader(path, EntryReader.ofFile(path, in));
        } catch (IOException e) {
            closeQuietly(in);
            throw new BadInputException("cannot read jobfile " + path + ": " + e.getMessage());
        }
        try {
            reader.entries.begin();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e instanceof IOException io ? reader.wrap(io) : (RuntimeException) e;
        }
        return reader;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !done && step(true) != 0) {
            pending = new Job(entries.id(), entries.command(), entries.tag());
        }
        return pending != null;
    }

    @Override
    public Job next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Job job = pending;
        pending = null;
        return job;
    }

    /**
     * The next task's id, 0 at the end: its entry is checked as {@link #next} checks it, but its
     * command and tag are not decoded (a 100,000-task status needs the ids alone).
     */
    public long nextId() {
        if (pending != null) {
            long id = pending.id();
            pending = null;
            return id;
        }
        return done ? 0 : step(false);
    }

    /** Reads the next entry; its id, or 0 (and closed) at the end. */
    private long step(boolean wantValues) {
        try {
            if (!entries.nextKey()) {
                entries.end();
                done = true;
                close();
                return 0;
            }
            if (!seen.add(entries.id())) {
                throw entries.bad("task id \"" + entries.key() + "\" appears twice");
            }
            entries.value(wantValues, wantValues);
            return entries.id();
        } catch (IOException e) {
            close();
            throw wrap(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private BadInputException wrap(IOException e) {
        if (e instanceof JsonProcessingException parse) {
            return entries.notJson(parse);
        }
        throw dev.clustersweep.io.FileProblems.refused("read jobfile", path, e);
    }

    @Override
    public void close() {
        entries.close();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    /** The ids read so far: a bitmap for the usual small ids, a hash set for the rare huge ones. */
    private static final class IdSet {
        private static final long DENSE_LIMIT = 1L << 26;
        private final BitSet dense = new BitSet();
        private final Set<Long> sparse = new HashSet<>();

        boolean add(long id) {
            if (id < DENSE_LIMIT) {
                int i = (int) id;
                if (dense.get(i)) {
                    return false;
                }
                dense.set(i);
                return true;
            }
            return sparse.add(id);
        }
    }
}
