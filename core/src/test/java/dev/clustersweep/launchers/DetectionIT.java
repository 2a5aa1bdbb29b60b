package dev.clustersweep.launchers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.Clusters;
import dev.clustersweep.backend.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * {@code sweep launchers detect} on the test cluster: two Slurm partitions (debug, the default, and
 * short, at most 10 minutes, on a node with feature ssd) and Grid Engine's all.q; then the matching
 * must respect short's time limit, and Slurm must accept what the choice asks.
 */
public class DetectionIT {

    private final CommandRunner shell = new CommandRunner(Duration.ofSeconds(30));

    @Test
    public void detectsBothPartitionsAndTheQueue() {
        Clusters.requireSlurm();
        Clusters.requireGridEngine();
        Detection d = Detection.run(shell);
        Launcher short_ = launcher(d.file(), "slurm-short");
        assertEquals("600s", short_.maxDuration());
        assertEquals(List.of("ssd"), short_.nodes().get(0).features());
        assertEquals(null, launcher(d.file(), "slurm-debug").maxDuration());
        // the node's GRES, two GPUs, in both partitions: from sinfo --json, which 22.05 has
        assertEquals(2, short_.nodes().get(0).gpus());
        assertEquals(2, launcher(d.file(), "slurm-debug").nodes().get(0).gpus());
        assertTrue(d.notes().toString(), d.notes().get(0).startsWith("slurm: 2 partition(s), nodes from sinfo --json"));
        assertEquals("all.q", launcher(d.file(), "gridengine-all.q").queue());
        assertEquals("local", d.file().launchers().get(0).id());
    }

    @Test
    public void matchingRespectsTheShortPartitionsLimit() {
        Clusters.requireSlurm();
        // short weighs most here, so only its time limit can send a task elsewhere
        List<Launcher> slurm = new ArrayList<>();
        for (Launcher l : Detection.run(shell).file().launchers()) {
            if (l.backend().equals("slurm")) {
                slurm.add(new Launcher(l.id(), l.backend(), l.partition().equals("short") ? 9 : 1, l.tags(),
                        l.partition(), l.queue(), l.accounts(), l.memPerCpu(), l.features(), l.nodes(), l.qos(),
                        l.maxDuration()));
            }
        }
        LaunchersFile file = new LaunchersFile(slurm);
        Choice quick = LauncherFinder.find(file, Requirements.parse("duration=5m & cpu(cores=1, mem=100M)"), List.of());
        Choice longer = LauncherFinder.find(file, Requirements.parse("duration=1h & cpu(cores=1, mem=100M)"), List.of());
        assertEquals("short", quick.settings().get("partition"));
        assertEquals("debug", longer.settings().get("partition"));
        assertTrue(accepts(quick).message(), accepts(quick).ok());
        assertTrue(accepts(longer).message(), accepts(longer).ok());
        // Slurm itself would take an hour in short too (no EnforcePartLimits) and leave it pending
        // for ever (PartitionTimeLimit): that is what the finder avoids.
    }

    @Test
    public void matchingRespectsTheNodesGres() {
        Clusters.requireSlurm();
        LaunchersFile file = Detection.run(shell).file();
        Choice two = LauncherFinder.find(file, Requirements.parse("cuda() * 2"), List.of("slurm"));
        assertEquals(2, two.settings().get("gpus"));
        assertTrue(shell.run(List.of("sbatch", "--test-only", "--partition=" + two.settings().get("partition"),
                "--gres=gpu:2", "--wrap=true")).ok());
        String lacks = org.junit.Assert.assertThrows(dev.clustersweep.BadInputException.class,
                () -> LauncherFinder.find(file, Requirements.parse("cuda() * 3"), List.of("slurm"))).getMessage();
        assertTrue(lacks, lacks.endsWith("lacks 3 GPUs (has 2)"));
    }

    private CommandRunner.Result accepts(Choice c) {
        long seconds = Long.parseLong(((String) c.settings().get("duration")).replace("s", ""));
        return shell.run(List.of("sbatch", "--test-only", "--partition=" + c.settings().get("partition"),
                "--time=" + (seconds + 59) / 60, "--mem=" + c.settings().get("mem"), "--wrap=true"));
    }

    private static Launcher launcher(LaunchersFile file, String id) {
        return file.launchers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no launcher " + id + " in " + file.toYaml()));
    }
}
