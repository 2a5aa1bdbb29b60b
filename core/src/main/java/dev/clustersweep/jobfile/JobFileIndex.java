package dev.clustersweep.jobfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Finds the tags of a few tasks in a large jobs.json without reading the whole file: one pass,
 * made once per version of the file, records where entries start; a page then seeks to its rows and
 * reads only them.
 *
 * <p>jobs.json is written in id order (prelaunch, append and the engine all write it so), so the
 * index keeps the byte offset of every {@value #STEP}th entry only, a few kilobytes for 100,000
 * tasks, and a lookup reads at most {@value #STEP} entries before each run of wanted ids. A file
 * whose ids are out of order (hand-written) gets an offset for every entry instead.
 *
 * <p>The file is checked (size, modification time, file key) on every lookup; a relaunch that
 * replaced it gets a new index. If it changed between that check and the read, the entry found at
 * an offset is not the one indexed, and the lookup rebuilds once and reads again.
 *
 * <p>Entries are read by the same {@link EntryReader} as {@link JobFileReader}'s, so a file it takes
 * is one the reader takes.
 *
 * <p>Thread-safe: the Jenkins action holds one per build and serves concurrent requests.
 */
public final class JobFileIndex {

    static final int STEP = 64;

    private final Path jobFile;
    private Index index;

    public JobFileIndex(Path jobFile) {
        this.jobFile = jobFile;
    }

    /** Identifies a version of the file, cheaply. */
    private record Stamp(long size, long modified, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
        }
    }

    /**
     * Entry {@code i} of the index is task {@code ids[i]} at byte {@code offsets[i]}; ids ascend.
     * When {@code sparse}, the file's ids ascend and the entries between two indexed ones follow
     * the first in the file.
     */
    private record Index(Stamp stamp, boolean sparse, long[] ids, long[] offsets) {
        /** The position of the last indexed id at or below {@code id}, or -1. */
        int atOrBelow(long id) {
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** Thrown when the file is not what the index says: it was replaced after the stamp was read. */
    private static final class Stale extends Exception {
        private static final long serialVersionUID = 1L;

        Stale() {
            super(null, null, false, false);
        }
    }

    /**
     * The tags of tasks {@code ids} (ascending), aligned with them; null for an id the file does not
     * hold (and for all when there is no jobs.json).
     */
    public synchronized String[] tags(long[] ids) {
        String[] tags = new String[ids.length];
        if (ids.length == 0) {
            return tags;
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("ids must ascend: " + ids[i - 1] + " then " + ids[i]);
            }
        }
        for (int tries = 0; ; tries++) {
            try {
                Index current = current();
                if (current == null) {
                    return tags;
                }
                read(current, ids, tags);
                return tags;
            } catch (Stale e) {
                index = null;
                if (tries == 1) {
                    throw new BadInputException("jobfile " + jobFile + " keeps changing while its tags are read: "
                            + "expected it to stay put between launches");
                }
            } catch (NoSuchFileException e) {
                index = null;
                return new String[ids.length];
            } catch (IOException e) {
                throw new BadInputException("cannot read jobfile " + jobFile + ": " + e.getMessage(), e);
            }
        }
    }

    /** How many offsets the index holds, 0 when none is built (for tests: offsets, not tags, are kept). */
    synchronized int indexed() {
        return index == null ? 0 : index.ids().length;
    }

    private Index current() throws IOException, Stale {
        if (!Files.exists(jobFile)) {
            index = null;
            return null;
        }
        Stamp stamp = Stamp.of(jobFile);
        if (index == null || !index.stamp().equals(stamp)) {
            index = build(stamp);
        }
        return index;
    }

    private Index build(Stamp stamp) throws IOException, Stale {
        Index sparse = scan(stamp, true);
        return sparse != null ? sparse : scan(stamp, false);
    }

    /**
     * One pass over the file, checking every entry's shape but skipping commands and tags unread.
     * Sparse: every STEP-th entry, or null as soon as an id does not ascend. Dense: every entry,
     * sorted by id.
     */
    private Index scan(Stamp stamp, boolean sparse) throws IOException, Stale {
        long[] ids = new long[64];
        long[] offsets = new long[64];
        int kept = 0;
        long entries = 0;
        long previous = 0;
        try (InputStream in = Files.newInputStream(jobFile); EntryReader reader = EntryReader.withOffsets(jobFile, in)) {
            try {
                reader.begin();
                while (reader.nextKey()) {
                    long id = reader.id();
                    long offset = reader.keyOffset();
                    reader.value(false, false);
                    if (sparse && id <= previous) {
                        return null;
                    }
                    if (!sparse || entries % STEP == 0) {
                        if (kept == ids.length) {
                            ids = Arrays.copyOf(ids, kept * 2);
                            offsets = Arrays.copyOf(offsets, kept * 2);
                        }
                        ids[kept] = id;
                        offsets[kept] = offset;
                        kept++;
                    }
                    previous = id;
                    entries++;
                }
                reader.end();
            } catch (JsonProcessingException e) {
                throw reader.notJson(e);
            }
            if (!Stamp.of(jobFile).equals(stamp)) {
                throw new Stale();
            }
            ids = Arrays.copyOf(ids, kept);
            offsets = Arrays.copyOf(offsets, kept);
            if (!sparse) {
                sortByIds(ids, offsets);
                for (int i = 1; i < ids.length; i++) {
                    if (ids[i] == ids[i - 1]) {
                        throw reader.bad("task id \"" + ids[i] + "\" appears twice");
                    }
                }
            }
        }
        return new Index(stamp, sparse, ids, offsets);
    }

    private void read(Index index, long[] wanted, String[] tags) throws IOException, Stale {
        try (FileChannel channel = FileChannel.open(jobFile, StandardOpenOption.READ)) {
            Cursor cursor = null;
            for (int w = 0; w < wanted.length; w++) {
                long id = wanted[w];
                int at = index.atOrBelow(id);
                if (at < 0) {
                    continue; // below the smallest id in the file
                }
                if (!index.sparse()) {
                    if (index.ids()[at] == id) {
                        Cursor one = new Cursor(channel, index.offsets()[at], id);
                        tags[w] = one.tag;
                        one.close();
                    }
                    continue;
                }
                // Seek unless the cursor already stands between the indexed entry and the wanted id:
                // then reading on costs fewer than STEP entries.
                if (cursor == null || cursor.id < index.ids()[at]) {
                    if (cursor != null) {
                        cursor.close();
                    }
                    cursor = new Cursor(channel, index.offsets()[at], index.ids()[at]);
                }
                while (cursor.id < id && cursor.next()) {
                    // read on
                }
                if (cursor.id == id) {
                    tags[w] = cursor.tag;
                }
            }
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    /** Reads entries from an offset: the id and tag of the current one. */
    private final class Cursor {
        private final EntryReader entries;
        long id;
        String tag;

        /** Positions on the entry at {@code offset}, which must be task {@code expected}. */
        Cursor(FileChannel channel, long offset, long expected) throws IOException, Stale {
            channel.position(offset);
            entries = EntryReader.ofEntry(jobFile, Channels.newInputStream(channel));
            try {
                entries.begin();
            } catch (JsonProcessingException | BadInputException e) {
                throw new Stale();
            }
            if (!next() || id != expected) {
                throw new Stale();
            }
        }

        /** Moves to the next entry; false at the end of the file. */
        boolean next() throws IOException, Stale {
            try {
                if (!entries.nextKey()) {
                    id = Long.MAX_VALUE;
                    tag = null;
                    return false;
                }
                id = entries.id();
                entries.value(false, true);
                tag = entries.tag();
                return true;
            } catch (JsonProcessingException | BadInputException e) {
                throw new Stale(); // not the file we indexed; a rebuild reports a file that is bad
            }
        }

        void close() {
            entries.close();
        }
    }

    /** Sorts ids ascending, carrying offsets along. */
    private static void sortByIds(long[] ids, long[] offsets) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        long[] sortedIds = new long[ids.length];
        long[] sortedOffsets = new long[ids.length];
        for (int i = 0; i < order.length; i++) {
            sortedIds[i] = ids[order[i]];
            sortedOffsets[i] = offsets[order[i]];
        }
        System.arraycopy(sortedIds, 0, ids, 0, ids.length);
        System.arraycopy(sortedOffsets, 0, offsets, 0, offsets.length);
    }

    @Override
    public String toString() {
        return "JobFileIndex[" + Objects.toString(jobFile) + "]";
    }
}
