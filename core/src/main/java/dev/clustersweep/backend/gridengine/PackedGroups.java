package dev.clustersweep.backend.gridengine;

import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The groups of a packed submission ({@code --tasks-per-node}): consecutive runs of its task ids, in
 * id order, so element {@code i} runs line {@code i} of groups/NNNNNN.txt; and, for polls and
 * cancels, the line of each task read back from that file.
 */
final class PackedGroups {

    private PackedGroups() {
    }

    static List<long[]> of(dev.clustersweep.tasks.TaskList tasks, int size) {
        List<long[]> groups = new ArrayList<>();
        long[] group = new long[size];
        int n = 0;
        var ids = tasks.iterator();
        while (ids.hasNext()) {
            group[n++] = ids.nextLong();
            if (n == size) {
                groups.add(group);
                group = new long[size];
                n = 0;
            }
        }
        if (n > 0) {
            groups.add(java.util.Arrays.copyOf(group, n));
        }
        return groups;
    }

    /** Task id to line (from 1) of the submission's groups file; empty when there is none. */
    static Map<Long, Long> lines(SweepDirectory dir, int submission) {
        Path file = dir.groups(submission);
        Map<Long, Long> lines = new HashMap<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (Stream<String> text = Files.lines(file)) {
            long[] line = {0};
            text.forEach(l -> {
                line[0]++;
                for (String id : l.strip().split(" ")) {
                    if (!id.isEmpty()) {
                        lines.put(Long.parseLong(id), line[0]);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
