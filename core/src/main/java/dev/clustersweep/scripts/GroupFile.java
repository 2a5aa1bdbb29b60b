package dev.clustersweep.scripts;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * groups/NNNNNN.txt of a packed submission: line {@code i} (from 1) holds the task ids that array
 * element {@code i - OFFSET} runs through multiwrapper.sh, separated by single spaces.
 */
public final class GroupFile {

    private GroupFile() {
    }

    public static void write(SweepDirectory dir, int submission, List<long[]> groups) throws IOException {
        write(dir, submission, groups.iterator());
    }

    /** Writes the groups file atomically, streaming the groups; returns the number of lines. */
    public static long write(SweepDirectory dir, int submission, Iterator<long[]> groups) throws IOException {
        if (submission < 1) {
            throw new IllegalArgumentException("submissions are numbered from 1, got " + submission);
        }
        long[] lines = {0};
        AtomicFiles.write(dir.groups(submission), out -> {
            StringBuilder line = new StringBuilder();
            while (groups.hasNext()) {
                long[] group = groups.next();
                if (group.length == 0) {
                    throw new IllegalArgumentException("group " + (lines[0] + 1) + " is empty");
                }
                line.setLength(0);
                for (long id : group) {
                    if (id < 1) {
                        throw new IllegalArgumentException("task ids start at 1, got " + id);
                    }
                    line.append(line.length() == 0 ? "" : " ").append(id);
                }
                out.write(line.append('\n').toString());
                lines[0]++;
            }
        });
        return lines[0];
    }
}
