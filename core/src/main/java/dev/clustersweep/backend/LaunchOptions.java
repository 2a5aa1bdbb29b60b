package dev.clustersweep.backend;

import dev.clustersweep.scripts.EnvironmentSetup;

/**
 * How a sweep is run: saved in sweep.json so a relaunch (from the command line or the Jenkins page)
 * runs with the same settings.
 *
 * @param maxTasks at most this many array elements at once (0: backend default; local: cores / cpus)
 * @param tasksPerNode tasks packed into one array element through multiwrapper.sh (1: no packing)
 * @param maxTasksPerNode at most this many of the packed tasks at once (0: all of them)
 * @param killGraceSeconds after SIGTERM, seconds before the wrapper kills the task group
 */
public record LaunchOptions(String backend, Resources resources, int maxTasks, int tasksPerNode,
        int maxTasksPerNode, EnvironmentSetup environment, int killGraceSeconds) {

    public LaunchOptions {
        resources = resources == null ? Resources.defaults() : resources;
        environment = environment == null ? EnvironmentSetup.NONE : environment;
        tasksPerNode = Math.max(1, tasksPerNode);
        killGraceSeconds = killGraceSeconds <= 0 ? 10 : killGraceSeconds;
    }

    public int parallelPerElement() {
        return maxTasksPerNode <= 0 ? tasksPerNode : Math.min(maxTasksPerNode, tasksPerNode);
    }
}
