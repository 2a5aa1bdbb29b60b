package dev.clustersweep.launchers;

import java.util.List;

/**
 * Nodes of one kind in a partition or queue (or the local machine): what each of them has. GPU count
 * and memory come from here, or from the node's features through the launcher's feature patterns.
 *
 * @param hosts the nodes' names (informational; matching does not pin them)
 * @param cores CPU cores per node, 0 when unknown (then cores are not checked)
 * @param mem memory per node ({@code 32G}), null when unknown
 * @param gpus GPUs per node
 * @param gpuMem memory of each GPU ({@code 24G}), null when unknown
 * @param features the node's Slurm features ({@code GPU2}, {@code GPUM24G})
 */
public record NodeGroup(List<String> hosts, int cores, String mem, int gpus, String gpuMem, List<String> features) {

    public NodeGroup {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        features = features == null ? List.of() : List.copyOf(features);
    }
}
