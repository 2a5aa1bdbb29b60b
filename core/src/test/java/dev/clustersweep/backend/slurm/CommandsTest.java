package dev.clustersweep.backend.slurm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** sbatch argument lists, scancel targets, groups-file lines and scontrol's limits, without Slurm. */
public class CommandsTest {

    private final SweepDirectory dir = new SweepDirectory(Path.of("/w d"), "exp");

    @Test
    public void sbatchWithEveryOption() {
        Resources r = new Resources(4, 2, 2048, 3700, "gpu", "acct", "high", "a100&ib", "n1", "n2", null, 60,
                List.of("--exclusive", "--comment=a b"));
        LaunchOptions o = new LaunchOptions("slurm", r, 10, 1, 0, null, 3);
        List<String> args = SbatchCommand.build(dir, o, "1-5", List.of("/w d/.sweep/exp/scripts/wrapper.sh", "1", "0"));
        assertEquals(List.of("sbatch", "--parsable", "--array=1-5%10", "--job-name=exp", "--chdir=/w d",
                "--output=/w d/.sweep/exp/logs/scheduler/%x_%A_%a.out",
                "--error=/w d/.sweep/exp/logs/scheduler/%x_%A_%a.err", "--open-mode=append", "--cpus-per-task=4",
                "--gres=gpu:2", "--mem=2048M", "--time=0-01:01:40", "--partition=gpu", "--account=acct", "--qos=high",
                "--constraint=a100&ib", "--exclude=n1", "--nodelist=n2", "--signal=B:USR1@60",
                "--export=ALL,SWEEP_KILL_GRACE=3", "--exclusive",
                "--comment=a b", "/w d/.sweep/exp/scripts/wrapper.sh", "1", "0"), args);
    }

    @Test
    public void sbatchDefaults() {
        LaunchOptions o = new LaunchOptions("slurm", null, 0, 1, 0, null, 0);
        List<String> args = SbatchCommand.build(dir, o, "1", List.of("w.sh", "1", "0"));
        assertTrue(args.contains("--array=1"));
        assertTrue(args.contains("--cpus-per-task=1"));
        assertTrue(args.stream().noneMatch(a -> a.startsWith("--mem") || a.startsWith("--time")
                || a.startsWith("--gres") || a.startsWith("--partition")));
        assertTrue("so a time limit is told from a cancel", args.contains("--signal=B:USR1@15"));
    }

    @Test
    public void scancelTargetsHaveNoSteps() {
        assertEquals(List.of("7_[1-3,5,7,9,12]"), ScancelTargets.of("7",
                List.of(TaskRange.of(1, 3), new TaskRange(5, 9, 2), TaskRange.of(12))));
        assertEquals(List.of("7_0"), ScancelTargets.of("7", List.of(TaskRange.of(0))));
        List<String> long_ = ScancelTargets.of("7", List.of(new TaskRange(0, 20000, 2)));
        assertTrue(long_.size() > 1);
        assertTrue(long_.stream().allMatch(t -> t.length() <= ScancelTargets.MAX_CHARS + 5));
    }

    @Test
    public void jobCountFromCompressedPendingArrays() {
        // squeue -h -t all -o %i without -r: pending elements of an array stay on one line.
        assertEquals(0, SlurmBackend.jobRecords(""));
        assertEquals(1 + 6 + 1 + 5 + 1 + 15 + 1, SlurmBackend.jobRecords(
                "12\n27_[5-10%4]\n27_4\n28_[1,3,5-7]\n30+1\n56_[3-31:2%1]\n56_1\n"));
    }

    @Test
    public void configFromScontrol() {
        SlurmConfig c = SlurmConfig.parse("""
                Configuration data as of 2024-05-01T10:00:00
                AccountingStorageType   = accounting_storage/none
                MaxArraySize            = 1001
                MaxJobCount             = 10000
                MaxJobId                = 67043328
                """);
        assertEquals(new SlurmConfig(1001, 10000), c);
        assertEquals(SlurmConfig.DEFAULTS, SlurmConfig.parse(""));
    }
}
