package dev.clustersweep.launchers;

import dev.clustersweep.backend.CommandRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep launchers detect}: the local machine, then what Slurm and Grid Engine say, where
 * their clients answer. A scheduler that is absent or refuses is a note, not a failure.
 *
 * @param notes one line per scheduler: what was found, or why nothing was
 */
public record Detection(LaunchersFile file, List<String> notes) {

    public static Detection run(CommandRunner runner) {
        List<Launcher> launchers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        launchers.add(LocalDescription.ofThisMachine());
        // Nodes from sinfo --json where this Slurm has it (its GRES as the scheduler counts them),
        // else from scontrol's text; partitions have no JSON in 22.05, so always scontrol's.
        CommandRunner.Result json = runner.run(List.of("sinfo", "--json"));
        List<Map<String, String>> nodeRecords = json.ok() ? SlurmDescription.nodesFromJson(json.stdout()) : null;
        CommandRunner.Result nodes = nodeRecords != null ? json
                : runner.run(List.of("scontrol", "--oneliner", "show", "nodes"));
        CommandRunner.Result partitions = runner.run(List.of("scontrol", "--oneliner", "show", "partition"));
        if (nodes.ok() && partitions.ok()) {
            // QoS live in accounting: asked only when sacctmgr answers (slurmdbd running).
            CommandRunner.Result qos = runner.run(List.of("sacctmgr", "--noheader", "--parsable2", "show", "qos",
                    "format=Name,MaxWall,Priority,MinTRES"));
            List<Qos> qosList = qos.ok() ? SlurmDescription.qos(qos.stdout()) : List.of();
            List<Launcher> slurm = SlurmDescription.launchers(
                    nodeRecords != null ? nodeRecords : SlurmDescription.records(nodes.stdout()), partitions.stdout(),
                    qosList);
            launchers.addAll(slurm);
            notes.add("slurm: " + slurm.size() + " partition(s), nodes from "
                    + (nodeRecords != null ? "sinfo --json" : "scontrol") + ", "
                    + (qos.ok() ? qosList.size() + " QoS from sacctmgr" : "no QoS (accounting does not answer)"));
        } else {
            notes.add("slurm: not asked (" + (nodes.ok() ? partitions : nodes).message() + ")");
        }
        CommandRunner.Result qhost = runner.run(List.of("qhost", "-q"));
        if (qhost.ok()) {
            Map<String, String> configs = new LinkedHashMap<>();
            for (String queue : GridEngineDescription.queues(qhost.stdout())) {
                CommandRunner.Result q = runner.run(List.of("qconf", "-sq", queue));
                configs.put(queue, q.ok() ? q.stdout() : "");
            }
            List<Launcher> ge = GridEngineDescription.launchers(qhost.stdout(), configs);
            launchers.addAll(ge);
            notes.add("gridengine: " + ge.size() + " queue(s)");
        } else {
            notes.add("gridengine: not asked (" + qhost.message() + ")");
        }
        return new Detection(new LaunchersFile(launchers), notes);
    }
}
