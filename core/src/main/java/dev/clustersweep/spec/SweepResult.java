package dev.clustersweep.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a sweep run ended, as the Jenkins step returns it to the Pipeline script ({@link #toMap()}).
 *
 * @param summary the last poll
 * @param failOn what unsuccessful tasks make of the build
 * @param waited false when the step returned once submitted ({@code wait: false})
 * @param aborted the run was stopped (build aborted) and its tasks cancelled
 */
public record SweepResult(SweepSummary summary, FailOn failOn, boolean waited, boolean aborted) {

    /**
     * The build result this run implies: {@code SUCCESS} when every launched task succeeded (or the
     * step did not wait), {@code ABORTED} when stopped, else {@code failOn}'s name.
     */
    public String result() {
        if (aborted) {
            return "ABORTED";
        }
        if (!waited || summary.succeeded()) {
            return "SUCCESS";
        }
        return failOn.name();
    }

    public boolean success() {
        return "SUCCESS".equals(result());
    }

    /** A line for the log at the end. */
    public String line() {
        String line = summary.line();
        if (summary.retriesUsed() > 0) {
            line += " (after " + summary.retriesUsed() + (summary.retriesUsed() == 1 ? " retry)" : " retries)");
        }
        if (!summary.unsuccessfulIds().isEmpty() && summary.finished()) {
            line += "; unsuccessful tasks: " + summary.unsuccessfulIds();
        }
        return line;
    }

    /**
     * What the Pipeline script receives: {@code jobName}, {@code sweepDir}, {@code backend},
     * {@code tasks}, {@code notLaunched}, {@code counts} (state name to count, e.g.
     * {@code counts.FAILED}), {@code succeeded}, {@code failed} (tasks that ended unsuccessfully),
     * {@code failedIds} (those ids condensed, e.g. {@code 3,7-9}; "" when none), {@code finished},
     * {@code success}, {@code retries} (retries used), {@code submissions} and {@code result}
     * (SUCCESS, UNSTABLE, FAILURE or ABORTED). Only JDK types.
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("jobName", summary.jobName());
        map.put("sweepDir", summary.sweepDir());
        map.put("backend", summary.backend());
        map.put("tasks", summary.tasks());
        map.put("notLaunched", summary.notLaunched());
        map.put("counts", new LinkedHashMap<>(summary.counts()));
        map.put("succeeded", summary.count(dev.clustersweep.state.TaskState.SUCCEEDED));
        map.put("failed", summary.unsuccessful());
        map.put("failedIds", summary.unsuccessfulIds());
        map.put("finished", summary.finished());
        map.put("success", success());
        map.put("retries", summary.retriesUsed());
        map.put("submissions", summary.submissions());
        map.put("result", result());
        return map;
    }

    /** The inverse of {@link #toMap()}'s summary part is {@link SweepSummary#fromMap(Map)}. */
    public static SweepResult of(SweepSummary summary, FailOn failOn, boolean waited, boolean aborted) {
        return new SweepResult(summary, failOn, waited, aborted);
    }
}
