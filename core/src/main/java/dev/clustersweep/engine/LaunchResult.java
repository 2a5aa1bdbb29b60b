package dev.clustersweep.engine;

import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * What a launch did: the submission (null for a dry run or when nothing was selected) and the
 * scheduler commands it ran or, for a dry run, would run.
 */
public record LaunchResult(TaskList tasks, Submission submission, List<String> plan) {

    /**
     * Several launches as one (the parts of a sweep, a relaunch of tasks from several parts): all
     * their tasks, the first submission made, every plan in order.
     */
    public static LaunchResult of(List<LaunchResult> results) {
        if (results.size() == 1) {
            return results.get(0);
        }
        TaskList tasks = TaskList.empty();
        Submission first = null;
        List<String> plan = new java.util.ArrayList<>();
        for (LaunchResult r : results) {
            tasks = tasks.union(r.tasks());
            first = first == null ? r.submission() : first;
            plan.addAll(r.plan());
        }
        return new LaunchResult(tasks, first, plan);
    }
}
