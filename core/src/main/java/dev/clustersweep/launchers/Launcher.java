package dev.clustersweep.launchers;

import java.util.List;

/**
 * One place tasks can run, as the launchers file describes it: the local machine, a Slurm partition
 * or a Grid Engine queue, with the nodes it has.
 *
 * @param id the name {@code --dry-run} and the no-match line show
 * @param backend local, slurm or gridengine
 * @param weight higher is tried first
 * @param tags {@code --tags} keeps only launchers with all of the given ones
 * @param partition Slurm partition
 * @param queue Grid Engine queue
 * @param accounts Slurm accounts; the first is used
 * @param memPerCpu when set, memory is reserved by cores ({@code --cpus} raised to cover it), not
 *     with {@code --mem}
 * @param features patterns over a node's features: a group named {@code gpus} yields its GPU
 *     count, {@code gpuMem} each GPU's memory (experimaestro's {@code cuda_count}, {@code cuda_memory})
 * @param nodes the kinds of node
 * @param qos the QoS this partition's jobs may use (none: no {@code --qos})
 * @param maxDuration the longest a task may run here, null for no limit
 */
public record Launcher(String id, String backend, int weight, List<String> tags, String partition, String queue,
        List<String> accounts, String memPerCpu, List<String> features, List<NodeGroup> nodes, List<Qos> qos,
        String maxDuration) {

    public Launcher {
        tags = tags == null ? List.of() : List.copyOf(tags);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        features = features == null ? List.of() : List.copyOf(features);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        qos = qos == null ? List.of() : List.copyOf(qos);
        backend = backend == null ? "local" : backend;
    }
}
