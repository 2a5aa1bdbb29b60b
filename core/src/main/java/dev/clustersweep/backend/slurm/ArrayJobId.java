package dev.clustersweep.backend.slurm;

import java.util.ArrayList;
import java.util.List;
import dev.clustersweep.tasks.TaskRange;

/**
 * A job id as squeue ({@code %i}) and sacct ({@code JobID}) print it: {@code 27_4} (one array
 * element), {@code 27_[5-10%4]} or {@code 27_[1,3,5-7]} (pending elements still held in one record;
 * {@code %N} is the throttle, {@code :S} a step), or {@code 27} (not an array).
 *
 * @param indexes the array indexes of the line, or null for a job that is not an array
 */
public record ArrayJobId(String jobId, List<TaskRange> indexes) {

    public ArrayJobId {
        indexes = indexes == null ? null : List.copyOf(indexes);
    }

    public boolean contains(long index) {
        if (indexes == null) {
            return false;
        }
        for (TaskRange range : indexes) {
            if (range.contains(index)) {
                return true;
            }
        }
        return false;
    }

    /** Parses one id; throws {@link IllegalArgumentException} naming the text when it is not one. */
    public static ArrayJobId parse(String text) {
        String t = text.strip();
        int underscore = t.indexOf('_');
        if (underscore < 0) {
            checkDigits(t, t);
            return new ArrayJobId(t, null);
        }
        String job = t.substring(0, underscore);
        checkDigits(job, t);
        String rest = t.substring(underscore + 1);
        if (rest.startsWith("[")) {
            if (!rest.endsWith("]")) {
                // squeue cuts the list at SLURM_BITSTR_LEN characters (64 by default).
                throw new IllegalArgumentException("truncated array index list in '" + t + "'");
            }
            rest = rest.substring(1, rest.length() - 1);
            int throttle = rest.indexOf('%');
            if (throttle >= 0) {
                rest = rest.substring(0, throttle);
            }
        }
        List<TaskRange> ranges = new ArrayList<>();
        for (String item : rest.split(",", -1)) {
            ranges.add(range(item, t));
        }
        return new ArrayJobId(job, ranges);
    }

    private static TaskRange range(String item, String whole) {
        try {
            long step = 1;
            int colon = item.indexOf(':');
            if (colon >= 0) {
                step = Long.parseLong(item.substring(colon + 1));
                item = item.substring(0, colon);
            }
            int dash = item.indexOf('-');
            if (dash < 0) {
                return TaskRange.of(Long.parseLong(item));
            }
            return new TaskRange(Long.parseLong(item.substring(0, dash)), Long.parseLong(item.substring(dash + 1)),
                    step);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad array index '" + item + "' in '" + whole + "'");
        }
    }

    private static void checkDigits(String job, String whole) {
        if (job.isEmpty() || !job.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a Slurm job id: '" + whole + "'");
        }
    }
}
