package dev.clustersweep.spec;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sweep at one moment, small whatever its size: counts per state and the unsuccessful ids as one
 * condensed task list. This is what travels from a Jenkins agent to the controller, as the plain map
 * of {@link #toMap()} (Jenkins' class filter refuses classes that are not the JDK's, core's or a
 * plugin's own, and this library is none of these).
 *
 * @param sweepDir the sweep's directory ({@code WORKDIR/.sweep/JOBNAME}) on the machine that runs it
 * @param counts tasks per state, every state present, in {@link TaskState} order
 * @param tasks launched tasks (the latest submission of each)
 * @param notLaunched tasks of the grid no submission holds (those left out by {@code tasks})
 * @param unsuccessfulIds tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR, condensed ({@code 3,7-9})
 * @param finished no task is PENDING or RUNNING
 * @param submissions launches so far; every one after the first is a retry
 * @param relaunchedIds tasks this very call relaunched (a retry), or null
 */
public record SweepSummary(String jobName, String sweepDir, String backend, Map<String, Long> counts, long tasks,
        long notLaunched, String unsuccessfulIds, boolean finished, int submissions, String relaunchedIds) {

    public SweepSummary {
        Map<String, Long> all = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            all.put(state.name(), counts == null ? 0L : counts.getOrDefault(state.name(), 0L));
        }
        counts = Collections.unmodifiableMap(all);
        unsuccessfulIds = unsuccessfulIds == null ? "" : unsuccessfulIds;
    }

    static SweepSummary of(SweepStatus status, String sweepDir, String backend, int submissions, String relaunched) {
        Map<String, Long> counts = new LinkedHashMap<>();
        status.counts().forEach((state, n) -> counts.put(state.name(), n));
        return new SweepSummary(status.jobName(), sweepDir, backend, counts, status.tasks().size(),
                status.notLaunched(), status.unsuccessful().toString(), status.isFinished(), submissions, relaunched);
    }

    public long count(TaskState state) {
        return counts.get(state.name());
    }

    public long unsuccessful() {
        return counts.entrySet().stream().filter(e -> TaskState.valueOf(e.getKey()).isUnsuccessful())
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Finished and every launched task SUCCEEDED. */
    public boolean succeeded() {
        return finished && tasks > 0 && count(TaskState.SUCCEEDED) == tasks;
    }

    public int retriesUsed() {
        return Math.max(0, submissions - 1);
    }

    /** One line for a log: {@code lr-sweep: 9 tasks: 6 SUCCEEDED, 2 FAILED, 1 RUNNING}. */
    public String line() {
        return jobName + ": " + SweepStatus.summary(tasks, counts, notLaunched);
    }

    /** The summary as JDK types only: the wire form between a Jenkins agent and the controller. */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("jobName", jobName);
        map.put("sweepDir", sweepDir);
        map.put("backend", backend);
        map.put("counts", new LinkedHashMap<>(counts));
        map.put("tasks", tasks);
        map.put("notLaunched", notLaunched);
        map.put("unsuccessfulIds", unsuccessfulIds);
        map.put("finished", finished);
        map.put("submissions", submissions);
        map.put("relaunchedIds", relaunchedIds);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static SweepSummary fromMap(Map<String, Object> map) {
        return new SweepSummary((String) map.get("jobName"), (String) map.get("sweepDir"), (String) map.get("backend"),
                (Map<String, Long>) map.get("counts"), ((Number) map.get("tasks")).longValue(),
                ((Number) map.get("notLaunched")).longValue(), (String) map.get("unsuccessfulIds"),
                (Boolean) map.get("finished"), ((Number) map.get("submissions")).intValue(),
                (String) map.get("relaunchedIds"));
    }
}
