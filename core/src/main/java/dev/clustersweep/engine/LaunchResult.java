package dev.clustersweep.engine;

import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * What a launch did: the submission (null for a dry run or when nothing was selected) and the
 * scheduler commands it ran or, for a dry run, would run.
 */
public record LaunchResult(TaskList tasks, Submission submission, List<String> plan) {
}
