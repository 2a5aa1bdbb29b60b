package dev.clustersweep.page;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import java.util.ArrayList;
import java.util.List;

/** Builds statuses for tests: tasks 1..n with given states. */
final class Tasks {

    private Tasks() {
    }

    static TaskStatus task(long id, TaskState state) {
        return switch (state) {
            case PENDING -> new TaskStatus(id, state, null, 0, 0, 1, null, null, null, null);
            case RUNNING -> new TaskStatus(id, state, null, 1, 1, 1, "node" + id % 7, 1000L, null, null);
            case SUCCEEDED -> new TaskStatus(id, state, 0, 1, 1, 1, "node" + id % 7, 1000L, 1065L, null);
            case FAILED -> new TaskStatus(id, state, 3, 1, 1, 1, "node" + id % 7, 1000L, 1010L, null);
            case ERROR -> new TaskStatus(id, state, null, 0, 0, 1, null, null, null, "Eqw: cannot open file");
            default -> new TaskStatus(id, state, state == TaskState.LOST ? null : 143, 1, 1, 1, "n", 1000L,
                    state == TaskState.LOST ? null : 1100L, null);
        };
    }

    /** Task i+1 is in states[i % states.length]. */
    static SweepStatus cycle(int n, long notLaunched, TaskState... states) {
        List<TaskStatus> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(task(i + 1, states[i % states.length]));
        }
        return new SweepStatus("demo", tasks, notLaunched);
    }

    static SweepStatus of(TaskStatus... tasks) {
        return new SweepStatus("demo", List.of(tasks), 0);
    }
}
