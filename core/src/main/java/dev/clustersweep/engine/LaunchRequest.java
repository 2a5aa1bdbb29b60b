package dev.clustersweep.engine;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.grid.GridSpec;
import java.nio.file.Path;

/**
 * A launch or relaunch.
 *
 * @param jobFile a jobfile to take the tasks from (copied into the sweep), or null for the sweep's own
 * @param grid a grid to expand into the sweep's jobfile instead of a jobfile, or null
 * @param tasks the task ids to launch, or null for all of them
 * @param failedOnly launch only tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR
 * @param options how to launch them; null to launch the sweep's own tasks again, each with the
 *     settings of the submission that last ran it (its part's)
 * @param dryRun print what would be submitted; write and submit nothing
 * @param part the part of the sweep these tasks are ({@code model=large}), recorded in the
 *     submission; null for the sweep's own settings
 */
public record LaunchRequest(Path jobFile, GridSpec grid, TaskList tasks, boolean failedOnly, LaunchOptions options,
        boolean dryRun, String part) {

    /** A launch with the sweep's own settings, not a part's. */
    public LaunchRequest(Path jobFile, GridSpec grid, TaskList tasks, boolean failedOnly, LaunchOptions options,
            boolean dryRun) {
        this(jobFile, grid, tasks, failedOnly, options, dryRun, null);
    }

    public LaunchRequest {
        if (jobFile != null && grid != null) {
            throw new IllegalArgumentException("a launch takes its tasks from a jobfile or a grid, not both");
        }
    }

    /** The same launch, taking its tasks from this jobfile. */
    LaunchRequest fromJobFile(Path file) {
        return new LaunchRequest(file, null, tasks, failedOnly, options, dryRun, part);
    }
}
