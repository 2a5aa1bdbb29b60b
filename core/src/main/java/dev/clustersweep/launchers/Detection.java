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
        CommandRunner.Result nodes = runner.run(List.of("scontrol", "--oneliner", "show", "nodes"));
        CommandRunner.Result partitions = runner.run(List.of("scontrol", "--oneliner", "show", "partition"));
        if (nodes.ok() && partitions.ok()) {
            List<Launcher> slurm = SlurmDescription.launchers(nodes.stdout(), partitions.stdout());
            launchers.addAll(slurm);
            notes.add("slurm: " + slurm.size() + " partition(s)");
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
