package dev.clustersweep.page;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import java.util.ArrayList;
import java.util.List;


/**
 * The head of the page: how many tasks are in each state and how far the sweep is. The bar's
 * segments are the eight states in {@link TaskState} order and then the tasks not launched yet;
 * their percentages add up to exactly 100 (0 for an empty sweep).
 *
 * @param total every task of the sweep: launched ones and those not launched yet
 * @param launched tasks some submission has held
 * @param finished launched tasks in a terminal state (SUCCEEDED or unsuccessful)
 * @param active PENDING and RUNNING tasks
 * @param live whether any task is active, so the view should keep polling
 * @param finishedPercent finished tasks in whole percent of {@code total}, rounded down, so that
 *     it says 100 only when every task has finished
 * @param states one count per state, in {@link TaskState} order, zeros included
 */
public record SweepProgress(long total, long launched, long notLaunched, long finished, long active,
        long unsuccessful, boolean live, int finishedPercent, List<StateCount> states, double notLaunchedFraction,
        int notLaunchedPercent) {

    public SweepProgress {
        states = List.copyOf(states);
    }

    public static SweepProgress of(SweepStatus status) {
        TaskState[] order = TaskState.values();
        long[] segments = new long[order.length + 1];
        // One pass, counting by ordinal: SweepStatus.counts() boxes a Long per task.
        for (TaskStatus task : status.tasks()) {
            segments[task.state().ordinal()]++;
        }
        long finished = 0;
        long active = 0;
        long unsuccessful = 0;
        for (int i = 0; i < order.length; i++) {
            long count = segments[i];
            if (order[i].isActive()) {
                active += count;
            } else {
                finished += count;
            }
            if (order[i].isUnsuccessful()) {
                unsuccessful += count;
            }
        }
        long notLaunched = status.notLaunched();
        segments[order.length] = notLaunched;
        long launched = status.tasks().size();
        long total = launched + notLaunched;
        int[] percents = Percentages.of(segments);
        List<StateCount> states = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            states.add(new StateCount(order[i], segments[i], fraction(segments[i], total), percents[i]));
        }
        return new SweepProgress(total, launched, notLaunched, finished, active, unsuccessful, active > 0,
                Percentages.floor(finished, total), states, fraction(notLaunched, total), percents[order.length]);
    }

    /** The count of one state. */
    public long count(TaskState state) {
        return states.get(state.ordinal()).count();
    }

    private static double fraction(long part, long total) {
        return total == 0 ? 0 : (double) part / total;
    }
}
