package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.backend.Clusters;
import dev.clustersweep.config.SweepConfig;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * maxResumes on the test cluster's Slurm and Grid Engine: a task that exits 3 twice and then 0 is
 * submitted again by the loop, as attempts 2 and 3 of the same task, and ends SUCCEEDED.
 */
public class ResumeClustersIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(600);

    @Test
    public void onSlurm() throws Exception {
        Clusters.requireSlurm();
        resume("slurm");
    }

    @Test
    public void onGridEngine() throws Exception {
        Clusters.requireGridEngine();
        resume("gridengine");
    }

    @Test
    public void gridEnginesRequeueStatusResumesTheTask() throws Exception {
        Clusters.requireGridEngine();
        Path work = tmp.newFolder("requeue").toPath();
        Map<String, Object> spec = new LinkedHashMap<>();
        // Exits 99 (Grid Engine's "requeue me") on its first run, then 0.
        spec.put("command", "f() { n=$(cat runs.$2 2>/dev/null || echo 0); echo $((n + 1)) > runs.$2;"
                + " [ $n -ge 1 ] || exit 99; }; f");
        spec.put("jobName", "q");
        spec.put("args", Map.of("n", List.of("1")));
        spec.put("backend", "gridengine");
        spec.put("maxResumes", 1);
        SweepSettings settings = SettingsBinder.bind(spec, Caller.SPEC_FILE);
        Sweep sweep = new Sweep(new SweepDirectory(work, "q"), new SweepConfig(work.resolve("no-config.json"),
                work.resolve("no-global-config.json")));
        SweepLoop loop = new SweepLoop(sweep, PollPolicy.forBackend("gridengine").withMaxSeconds(2));
        SweepLoop.Started started = loop.start(settings.launchRequest(SiteDefaults.NONE, false), 0, false, s -> { });
        loop.run(started.state().withResumes(1, settings.get(Settings.RESUME_CODE)), t -> { });
        TaskStatus task = sweep.status().tasks().get(0);
        assertEquals(TaskState.SUCCEEDED, task.state());
        assertEquals("resumed once, as attempt 2", 2, task.attempt());
        assertEquals(Map.of(1L, 1), sweep.resumes());
        assertEquals("99 ended the first attempt", Integer.valueOf(99),
                dev.clustersweep.state.StatusFiles.read(sweep.directory(), 1, 1).exitCode());
    }

    private void resume(String backend) throws Exception {
        Path work = tmp.newFolder(backend).toPath();
        Map<String, Object> spec = new LinkedHashMap<>();
        // Task N (--n N) counts its runs in runs.N.
        spec.put("command", "f() { n=$(cat runs.$2 2>/dev/null || echo 0); echo $((n + 1)) > runs.$2;"
                + " [ $n -ge 2 ] || exit 3; }; f");
        spec.put("jobName", "r");
        spec.put("args", Map.of("n", List.of("1", "2")));
        spec.put("backend", backend);
        spec.put("maxResumes", 2);
        SweepSettings settings = SettingsBinder.bind(spec, Caller.SPEC_FILE);
        Sweep sweep = new Sweep(new SweepDirectory(work, "r"), new SweepConfig(work.resolve("no-config.json"),
                work.resolve("no-global-config.json")));
        SweepLoop loop = new SweepLoop(sweep, PollPolicy.forBackend(backend).withMaxSeconds(2));
        SweepLoop.Started started = loop.start(settings.launchRequest(SiteDefaults.NONE, false), 0, false, s -> { });
        SweepLoop.Turn last = loop.run(started.state().withResumes(settings.get(Settings.MAX_RESUMES),
                settings.get(Settings.RESUME_CODE)), t -> { });
        SweepStatus status = sweep.status();
        assertEquals(status.summary(), 2, status.count(TaskState.SUCCEEDED));
        for (TaskStatus t : status.tasks()) {
            assertEquals("task " + t.id() + " resumed twice", 3, t.attempt());
            assertEquals("3\n", Files.readString(work.resolve("runs." + t.id())));
        }
        // The first submission, then one per turn that found tasks asking to go on: both at once, or apart.
        int submissions = sweep.submissions().size();
        org.junit.Assert.assertTrue(submissions + " submissions", submissions >= 3 && submissions <= 5);
        assertEquals(true, last.state().done());
    }
}
