package dev.clustersweep.backend.gridengine;

import java.util.Map;

/**
 * How this cluster names things Grid Engine leaves to its administrators. Read from the environment
 * (so the command line and the Jenkins agent configure it the same way); defaults suit a stock
 * installation like the test cluster's.
 *
 * @param memoryResource complex for the memory request, per slot: {@code h_vmem} (a hard limit, the
 *     common choice) or e.g. {@code mem_free} (only a scheduling hint); SWEEP_GE_MEMORY_RESOURCE
 * @param gpuResource consumable complex counting GPUs, {@code gpu} by default; SWEEP_GE_GPU_RESOURCE
 * @param parallelEnvironment PE for {@code --cpus} above 1, {@code smp} by default; SWEEP_GE_PE
 * @param maxArrayTasks largest task index of an array job (the cluster's {@code max_aj_tasks},
 *     75000 by default); SWEEP_GE_MAX_AJ_TASKS
 * @param user whose jobs {@code qstat} lists: the user running the sweep command; "*" for all
 */
public record GridEngineSettings(String memoryResource, String gpuResource, String parallelEnvironment,
        long maxArrayTasks, String user) {

    public GridEngineSettings {
        memoryResource = orDefault(memoryResource, "h_vmem");
        gpuResource = orDefault(gpuResource, "gpu");
        parallelEnvironment = orDefault(parallelEnvironment, "smp");
        maxArrayTasks = maxArrayTasks <= 0 ? 75_000 : maxArrayTasks;
        user = orDefault(user, System.getProperty("user.name", "*"));
    }

    public static GridEngineSettings defaults() {
        return new GridEngineSettings(null, null, null, 0, null);
    }

    public static GridEngineSettings fromEnvironment(Map<String, String> env) {
        String max = env.get("SWEEP_GE_MAX_AJ_TASKS");
        long maxTasks;
        try {
            maxTasks = max == null || max.isBlank() ? 0 : Long.parseLong(max.trim());
        } catch (NumberFormatException e) {
            throw new dev.clustersweep.BadInputException(
                    "bad SWEEP_GE_MAX_AJ_TASKS '" + max + "': expected a whole number, e.g. 75000");
        }
        return new GridEngineSettings(env.get("SWEEP_GE_MEMORY_RESOURCE"), env.get("SWEEP_GE_GPU_RESOURCE"),
                env.get("SWEEP_GE_PE"), maxTasks, env.get("SWEEP_GE_QSTAT_USER"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
