package dev.clustersweep.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.Waiting;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Files;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** A tiny real sweep on the local backend: the page shows what the wrappers recorded. */
public class LocalSweepPageIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    @Test
    public void pageReflectsRealRecordsAndLogs() throws Exception {
        var work = tmp.getRoot().toPath();
        SweepDirectory dir = new SweepDirectory(work, "real");
        JobFile.write(dir.jobFile(), List.of(new Job(1, "echo hello", "real_1__ok"),
                new Job(2, "echo oops >&2; exit 3", "real_2__bad"), new Job(3, "true", "real_3__later")).iterator());
        Sweep sweep = Sweep.open(work, "real");
        LaunchOptions options = new LaunchOptions("local", new Resources(1, 0, 0, 0, null, null, null, null, null, null,
                null, 0, List.of()), 2, 1, 0, EnvironmentSetup.NONE, 2);
        sweep.launch(new LaunchRequest(null, null, TaskList.parse("1-2"), false, options, false));
        Waiting.untilEnded(sweep);
        // Relaunch the failure: a second attempt with its own logs.
        sweep.launch(new LaunchRequest(null, null, null, true, options, false));
        SweepStatus status = Waiting.untilEnded(sweep);

        SweepPages pages = new SweepPages(dir);
        SweepPage page = pages.page(status, TaskFilter.all(), PageRequest.first());
        SweepProgress progress = page.progress();
        assertEquals(3, progress.total());
        assertEquals(1, progress.notLaunched());
        assertEquals(1, progress.count(TaskState.SUCCEEDED));
        assertEquals(1, progress.count(TaskState.FAILED));
        assertFalse(progress.live());

        TaskRow ok = page.table().rows().get(0);
        assertEquals("real_1__ok", ok.tag());
        assertEquals(Integer.valueOf(0), ok.exitCode());
        assertNotNull(ok.host());
        assertNotNull(ok.duration());
        assertEquals(2, ok.logs().size());
        assertTrue(Files.readString(LogLink.resolve(dir, ok.logs().get(0).relativePath())).contains("hello"));

        TaskRow bad = page.table().rows().get(1);
        assertEquals("real_2__bad", bad.tag());
        assertEquals(TaskState.FAILED, bad.state());
        assertEquals(Integer.valueOf(3), bad.exitCode());
        assertEquals(2, bad.attempts());
        assertEquals(2, bad.attempt());
        assertEquals(List.of("logs/2.1.out", "logs/2.1.err", "logs/2.2.out", "logs/2.2.err"),
                bad.logs().stream().map(LogLink::relativePath).toList());
        assertTrue(bad.logs().stream().allMatch(LogLink::exists));
        assertTrue(Files.readString(LogLink.resolve(dir, "logs/2.2.err")).contains("oops"));

        // What the page's buttons would do with "all failed" plus the never-launched task 3.
        TaskList selected = new Selection("3", null, true).resolve(sweep.jobIds(), status);
        ActionPlan relaunch = ActionPlan.relaunch(selected, status);
        assertEquals(TaskList.parse("2-3"), relaunch.acted());
        assertTrue(ActionPlan.cancel(selected, status).nothingToDo());
    }
}
