package dev.clustersweep.engine;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Path;

/**
 * A launch or relaunch.
 *
 * @param jobFile a jobfile to take the tasks from (copied into the sweep), or null for the sweep's own
 * @param command a single command to run instead of a jobfile, or null
 * @param tasks the task ids to launch, or null for all of them
 * @param failedOnly launch only tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR
 * @param dryRun print what would be submitted; write and submit nothing
 */
public record LaunchRequest(Path jobFile, String command, TaskList tasks, boolean failedOnly, LaunchOptions options,
        boolean dryRun) {
}
