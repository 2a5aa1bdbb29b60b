package dev.clustersweep.backend.slurm;

import dev.clustersweep.tasks.TaskRange;
import java.util.ArrayList;
import java.util.List;

/**
 * scancel's job arguments for some elements of one array: {@code 27_[1-3,5]}. scancel reads
 * {@code N} and {@code N-M} items but not sbatch's {@code N-M:S} ("Invalid range"), so stepped ranges
 * are written out; long lists are cut into several arguments (Linux allows 128 KiB per argument).
 */
public final class ScancelTargets {

    static final int MAX_CHARS = 4000;

    private ScancelTargets() {
    }

    public static List<String> of(String jobId, List<TaskRange> indexes) {
        List<String> targets = new ArrayList<>();
        StringBuilder items = new StringBuilder();
        for (TaskRange range : indexes) {
            if (range.step() == 1) {
                items = add(targets, jobId, items, range.first() == range.last() ? Long.toString(range.first())
                        : range.first() + "-" + range.last());
            } else {
                for (long i = range.first(); i <= range.last(); i += range.step()) {
                    items = add(targets, jobId, items, Long.toString(i));
                }
            }
        }
        if (items.length() > 0) {
            targets.add(target(jobId, items));
        }
        return targets;
    }

    private static String target(String jobId, CharSequence items) {
        String list = items.toString();
        return list.chars().allMatch(Character::isDigit) ? jobId + "_" + list : jobId + "_[" + list + "]";
    }

    private static StringBuilder add(List<String> targets, String jobId, StringBuilder items, String item) {
        if (items.length() > 0 && items.length() + item.length() + 1 > MAX_CHARS) {
            targets.add(target(jobId, items));
            items = new StringBuilder();
        }
        return items.append(items.length() == 0 ? "" : ",").append(item);
    }
}
