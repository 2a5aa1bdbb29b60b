package dev.clustersweep.backend;

import java.util.List;

/**
 * What each array element asks the scheduler for. Requests are per element: with
 * {@code --tasks-per-node} the tasks packed into one element share them, as in onager.
 *
 * @param memMegabytes 0 for the scheduler's default
 * @param durationSeconds 0 for no limit (the scheduler's default)
 * @param signalSeconds seconds before the time limit to warn the wrapper (SIGUSR1), 0 for none
 * @param queue Grid Engine queue (qsub -q), or null
 * @param extraOptions passed to sbatch or qsub as they are, after ours
 */
public record Resources(int cpus, int gpus, long memMegabytes, long durationSeconds, String partition,
        String account, String qos, String constraint, String exclude, String nodelist, String queue, int signalSeconds,
        List<String> extraOptions) {

    public Resources {
        extraOptions = extraOptions == null ? List.of() : List.copyOf(extraOptions);
    }

    public static Resources defaults() {
        return new Resources(1, 0, 0, 0, null, null, null, null, null, null, null, 0, List.of());
    }
}
