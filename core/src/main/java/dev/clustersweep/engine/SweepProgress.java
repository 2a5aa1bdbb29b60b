package dev.clustersweep.engine;

import dev.clustersweep.state.TaskState;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a sweep (or one run of it) is, small whatever its size: counts per state and the
 * unsuccessful ids as one condensed task list. The one progress type every caller gets: the
 * command line's wait display, the Pipeline step's log and returned map, the freestyle build step,
 * the build page's head. Serializable, so it travels from a Jenkins agent as it is.
 *
 * @param backend the backend of the latest submission, or null before the first
 * @param counts launched tasks per state, every state present, in {@link TaskState} order
 * @param tasks launched tasks (the latest submission of each) within the run's scope
 * @param notLaunched tasks of the jobfile no submission holds yet
 * @param unsuccessfulIds tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR, condensed ({@code 3,7-9})
 * @param finished no task is PENDING or RUNNING
 * @param submissions the run's submissions: its launch, relaunches by hand and retries
 * @param retriesUsed submissions that were retries
 */
public record SweepProgress(String jobName, String backend, Map<String, Long> counts, long tasks, long notLaunched,
        String unsuccessfulIds, boolean finished, int submissions, int retriesUsed) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SweepProgress {
        LinkedHashMap<String, Long> all = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            all.put(state.name(), counts == null ? 0L : counts.getOrDefault(state.name(), 0L));
        }
        counts = Collections.unmodifiableMap(all);
        unsuccessfulIds = unsuccessfulIds == null ? "" : unsuccessfulIds;
    }

    static SweepProgress of(SweepStatus status, String backend, int submissions, int retriesUsed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        status.counts().forEach((state, n) -> counts.put(state.name(), n));
        return new SweepProgress(status.jobName(), backend, counts, status.tasks().size(), status.notLaunched(),
                status.unsuccessful().toString(), status.isFinished(), submissions, retriesUsed);
    }

    public long count(TaskState state) {
        return counts.get(state.name());
    }

    public long active() {
        return count(TaskState.PENDING) + count(TaskState.RUNNING);
    }

    public long unsuccessful() {
        long n = 0;
        for (TaskState state : TaskState.values()) {
            if (state.isUnsuccessful()) {
                n += count(state);
            }
        }
        return n;
    }

    /** Finished and every launched task SUCCEEDED. */
    public boolean succeeded() {
        return finished && tasks > 0 && count(TaskState.SUCCEEDED) == tasks;
    }

    /** The counts in one line: {@code 9 tasks: 6 SUCCEEDED, 2 FAILED, 1 RUNNING}. */
    public String summary() {
        return SweepStatus.summary(tasks, counts, notLaunched);
    }

    /** One line for a log: {@code lr-sweep: 9 tasks: 6 SUCCEEDED, 2 FAILED, 1 RUNNING}. */
    public String line() {
        return jobName + ": " + summary();
    }
}
