package dev.clustersweep.launchers;

/**
 * A Slurm quality of service a partition's jobs may use.
 *
 * @param name as {@code sbatch --qos} takes it
 * @param maxDuration the longest job it admits ({@code 20h}, {@code 2-00:00:00}), null for no limit
 * @param minGpus the fewest GPUs a job under it must ask for
 * @param priority higher wins among the QoS that fit
 */
public record Qos(String name, String maxDuration, int minGpus, int priority) {
}
