package dev.clustersweep.page;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.tasks.TaskList;
import java.util.Arrays;

/**
 * A sweep read back from its {@link TaskTableFile}: the status as it was at the end, and each
 * task's tag. Pages are built from it exactly as from a live sweep; log links are taken to exist
 * (the build archived every attempt's logs).
 *
 * @param tags aligned with {@code status().tasks()}; an element is null when the table had no tag
 */
public record ArchivedSweep(SweepStatus status, String[] tags) {

    public ArchivedSweep {
        if (tags.length != status.tasks().size()) {
            throw new IllegalArgumentException(tags.length + " tags for " + status.tasks().size() + " tasks");
        }
    }

    /** The launched task ids, in order. */
    public TaskList ids() {
        TaskList.Builder b = TaskList.builder();
        status.tasks().forEach(t -> b.add(t.id()));
        return b.build();
    }

    /** Pages of this sweep; hold one, it keeps the id index. */
    public SweepPages pages() {
        long[] ids = status.tasks().stream().mapToLong(t -> t.id()).toArray();
        boolean ascending = true;
        for (int i = 1; i < ids.length && ascending; i++) {
            ascending = ids[i] > ids[i - 1];
        }
        if (!ascending) {
            throw new IllegalStateException("task table ids are not in ascending order");
        }
        return new SweepPages(wanted -> {
            String[] out = new String[wanted.length];
            for (int i = 0; i < wanted.length; i++) {
                int at = Arrays.binarySearch(ids, wanted[i]);
                out[i] = at >= 0 ? tags[at] : null;
            }
            return out;
        }, (id, attempt, stream) -> true);
    }
}
