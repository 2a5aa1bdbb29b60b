package dev.clustersweep.backend.gridengine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.backend.SubmitRequest;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.tasks.TaskRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

public class QsubCommandTest {

    private final SweepDirectory dir = new SweepDirectory(Path.of("/srv/my dir"), "sw1");

    private static LaunchOptions options(Resources r, int maxTasks, int perNode) {
        return new LaunchOptions("gridengine", r, maxTasks, perNode, 0, null, 10);
    }

    @Test
    public void everyRequest() {
        Resources r = new Resources(4, 2, 8192, 3600, null, null, null, null, null, null, "gpu.q", 0,
                List.of("-P", "proj"));
        List<String> args = QsubCommand.build(dir, 3, options(r, 5, 1), GridEngineSettings.defaults(),
                new TaskRange(1, 9, 2), 0, false);
        assertEquals(List.of("qsub", "-terse", "-N", "sw1", "-wd", "/srv/my dir",
                "-o", ".sweep/sw1/logs/scheduler/$JOB_NAME.$JOB_ID.$TASK_ID.out",
                "-e", ".sweep/sw1/logs/scheduler/$JOB_NAME.$JOB_ID.$TASK_ID.err",
                "-S", "/bin/bash", "-notify", "-w", "e", "-v", "SWEEP_KILL_GRACE=10", "-t", "1-9:2",
                "-tc", "5", "-pe", "smp", "4", "-l", "h_rt=01:00:00", "-l", "h_vmem=2048M", "-l", "gpu=2",
                "-q", "gpu.q", "-P", "proj",
                "/srv/my dir/.sweep/sw1/scripts/gridengine-job.sh", "3585",
                ".sweep/sw1/scripts/wrapper.sh", "3", "0"), args);
    }

    @Test
    public void packedAndConfiguredNames() {
        GridEngineSettings s = new GridEngineSettings("mem_free", "ngpus", "threads", 0, null);
        Resources r = new Resources(2, 1, 1000, 0, null, null, null, null, null, null, null, 0, List.of());
        LaunchOptions o = new LaunchOptions("gridengine", r, 0, 4, 2, null, 10);
        List<String> args = QsubCommand.build(dir, 2, o, s, TaskRange.of(1, 3), 0, true);
        assertTrue(args.toString(), args.containsAll(List.of("-pe", "threads", "mem_free=500M", "ngpus=1")));
        assertEquals(List.of(".sweep/sw1/scripts/multiwrapper.sh", "2", "2", "0"),
                args.subList(args.size() - 4, args.size()));
        assertEquals("0", args.get(args.size() - 5)); // no time limit
    }

    @Test
    public void stopBeforeTheHardLimit() {
        Resources r = new Resources(1, 0, 0, 8, null, null, null, null, null, null, null, 0, List.of());
        assertEquals(4, QsubCommand.stopAfterSeconds(options(r, 0, 1)));
        Resources hour = new Resources(1, 0, 0, 3600, null, null, null, null, null, null, null, 120, List.of());
        assertEquals(3480, QsubCommand.stopAfterSeconds(options(hour, 0, 1)));
    }

    @Test
    public void jobNamesStartWithALetter() {
        assertEquals("s1abc", QsubCommand.jobName("1abc"));
        assertEquals("a.b-c_d", QsubCommand.jobName("a.b-c_d"));
    }

    @Test
    public void oneQsubPerRange() {
        GridEngineBackend backend = new GridEngineBackend(dir);
        List<String> plan = backend.plan(new SubmitRequest(dir, 1, TaskList.parse("1-3,5,8-9"),
                options(Resources.defaults(), 0, 1)));
        assertEquals(3, plan.size());
        assertTrue(plan.get(0), plan.get(0).contains(" -t 1-3:1 "));
        // The task list keeps the fewest ranges: 1-3, 5-8:3, 9.
        assertTrue(plan.get(1), plan.get(1).contains(" -t 5-8:3 "));
        assertTrue(plan.get(2), plan.get(2).contains(" -t 9-9:1 "));
        assertTrue(plan.get(0), plan.get(0).contains("'/srv/my dir'"));
    }

    @Test
    public void packedPlanIsOneArrayOfGroups() {
        GridEngineBackend backend = new GridEngineBackend(dir);
        List<String> plan = backend.plan(new SubmitRequest(dir, 1, TaskList.parse("1-3,5,8-9"),
                options(Resources.defaults(), 0, 4)));
        assertEquals(1, plan.size());
        assertTrue(plan.get(0), plan.get(0).contains(" -t 1-2:1 "));
    }

    @Test
    public void bigArraysSplitAtMaxArrayTasks() {
        GridEngineBackend backend = new GridEngineBackend(dir, new dev.clustersweep.backend.CommandRunner(
                java.time.Duration.ofSeconds(1)), new GridEngineSettings(null, null, null, 100, null));
        List<String> plan = backend.plan(new SubmitRequest(dir, 1, TaskList.range(1, 250),
                options(Resources.defaults(), 0, 1)));
        assertEquals(3, plan.size());
        assertTrue(plan.get(1), plan.get(1).contains(" -t 1-100:1 ") && plan.get(1).endsWith(" 1 100"));
    }
}
