package dev.clustersweep.engine;

import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.tasks.TaskList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every launched task's state at one moment, in id order.
 *
 * @param notLaunched tasks of the jobfile no submission has held yet
 */
public record SweepStatus(String jobName, List<TaskStatus> tasks, long notLaunched) {

    public SweepStatus {
        tasks = List.copyOf(tasks);
    }

    public Map<TaskState, Long> counts() {
        Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        for (TaskState state : TaskState.values()) {
            counts.put(state, 0L);
        }
        for (TaskStatus task : tasks) {
            counts.merge(task.state(), 1L, Long::sum);
        }
        return counts;
    }

    public long count(TaskState state) {
        return tasks.stream().filter(t -> t.state() == state).count();
    }

    public long active() {
        return tasks.stream().filter(t -> t.state().isActive()).count();
    }

    public boolean isFinished() {
        return active() == 0;
    }

    /** Tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR: what {@code --failed} relaunches. */
    public TaskList unsuccessful() {
        return ids(true);
    }

    public TaskList activeIds() {
        return ids(false);
    }

    /**
     * What a cancel acts on: the active tasks, and those the scheduler still holds in an error state
     * (Grid Engine's Eqw: no end record, and they would run if someone cleared the error).
     */
    public TaskList cancellableIds() {
        TaskList.Builder builder = TaskList.builder();
        for (TaskStatus task : tasks) {
            if (task.state().isActive() || (task.state() == TaskState.ERROR && task.end() == null)) {
                builder.add(task.id());
            }
        }
        return builder.build();
    }

    public boolean allSucceeded() {
        return notLaunched == 0 && tasks.stream().allMatch(t -> t.state() == TaskState.SUCCEEDED);
    }

    /** The status of these tasks only, e.g. those one launch submitted. */
    public SweepStatus only(TaskList ids) {
        return new SweepStatus(jobName, tasks.stream().filter(t -> ids.contains(t.id())).toList(), 0);
    }

    /** One line: "9 tasks: 6 SUCCEEDED, 2 FAILED, 1 RUNNING". */
    public String summary() {
        return summary(tasks.size(), counts(), notLaunched);
    }

    /** The summary line from counts per state (keys as states or their names), zeros left out. */
    public static String summary(long tasks, Map<?, Long> counts, long notLaunched) {
        StringBuilder line = new StringBuilder().append(tasks).append(tasks == 1 ? " task" : " tasks");
        String sep = ": ";
        for (Map.Entry<?, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                line.append(sep).append(e.getValue()).append(' ').append(e.getKey());
                sep = ", ";
            }
        }
        if (notLaunched > 0) {
            line.append(sep).append(notLaunched).append(" not launched");
        }
        return line.toString();
    }

    private TaskList ids(boolean unsuccessful) {
        TaskList.Builder builder = TaskList.builder();
        for (TaskStatus task : tasks) {
            if (unsuccessful ? task.state().isUnsuccessful() : task.state().isActive()) {
                builder.add(task.id());
            }
        }
        return builder.build();
    }
}
