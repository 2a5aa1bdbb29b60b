package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.clustersweep.launchers.Launcher;
import dev.clustersweep.launchers.LaunchersFile;
import dev.clustersweep.launchers.NodeGroup;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Relaunches of a sweep with parts, on the local backend with real bash processes: each task goes
 * back to the settings of the submission that last ran it; a sweep written before submissions kept
 * their settings relaunches with sweep.json, as it did.
 */
public class PartsRelaunchIT {

    private static final PollPolicy FAST = new PollPolicy(50, 200, 1.5);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    private Path work;

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
    }

    /** Two local launchers: the heavier has one core, the other two. */
    private static final LaunchersFile LAUNCHERS = new LaunchersFile(List.of(
            new Launcher("two", "local", 1, List.of(), null, null, List.of(), null, List.of(),
                    List.of(new NodeGroup(List.of(), 2, "4G", 0, null, List.of())), List.of(), null),
            new Launcher("one", "local", 2, List.of(), null, null, List.of(), null, List.of(),
                    List.of(new NodeGroup(List.of(), 1, "4G", 0, null, List.of())), List.of(), null)));

    private Sweep runToEnd(SweepSettings spec, List<LaunchRequest> requests) throws Exception {
        Sweep sweep = Sweep.open(work, "run-1");
        SweepLoop loop = new SweepLoop(sweep, FAST);
        SweepLoop.Started started = loop.start(requests, 0, true, s -> { });
        loop.run(started.state(), turn -> { });
        return sweep;
    }

    @Test
    public void aRelaunchTakesEachTaskBackToItsPartsSettings() throws Exception {
        SweepSettings spec = dev.clustersweep.LocalSpecs.fourTasks("run-1", "true", "parts",
                List.of("n=1|3: cpu(cores=2)"));
        List<LaunchRequest> requests = spec.partsPlan(LAUNCHERS, null, null, Caller.PIPELINE)
                .requests(SiteDefaults.NONE, null, spec.gridSpec(), false, false);
        Sweep sweep = runToEnd(spec, requests);
        assertEquals(2, sweep.submissionOptions(1).resources().cpus());
        assertEquals(1, sweep.submissionOptions(2).resources().cpus());
        assertEquals("the latest launch's", 1, sweep.savedOptions().resources().cpus());

        LaunchResult again = sweep.relaunch(TaskList.parse("1-4"), Submission.Cause.RELAUNCH);
        assertEquals("1-4", again.tasks().toString());
        List<Submission> all = sweep.submissions();
        assertEquals(4, all.size());
        assertEquals("1,3", all.get(2).tasks().toString());
        assertEquals("n=1|3", all.get(2).part());
        assertEquals(Submission.Cause.RELAUNCH, all.get(2).cause());
        assertEquals(2, sweep.submissionOptions(3).resources().cpus());
        assertEquals("2,4", all.get(3).tasks().toString());
        assertNull(all.get(3).part());
        assertEquals(1, sweep.submissionOptions(4).resources().cpus());
        new SweepLoop(sweep, FAST).run(RunState.resuming("run-1", FAST), turn -> { });
    }

    @Test
    public void partsOnBackendsSetUpOtherwiseAreRefusedBeforeAnythingIsSubmitted() throws Exception {
        java.nio.file.Files.createDirectories(work.resolve(".sweep"));
        java.nio.file.Files.writeString(work.resolve(".sweep/config.json"), "{\"slurm\": {\"header\": \"module load cuda\"}}");
        LaunchersFile withSlurm = new LaunchersFile(List.of(new Launcher("cluster", "slurm", 1, List.of(), "debug", null,
                List.of(), null, List.of(), List.of(new NodeGroup(List.of(), 8, "4G", 2, null, List.of())), List.of(),
                null)));
        SweepSettings spec = dev.clustersweep.LocalSpecs.fourTasks("run-1", "true", "parts", List.of("n=1: cuda()"));
        List<LaunchRequest> requests = spec.partsPlan(withSlurm, null, null, Caller.PIPELINE)
                .requests(SiteDefaults.NONE, null, spec.gridSpec(), false, false);
        Sweep sweep = Sweep.open(work, "run-1");
        String message = org.junit.Assert.assertThrows(dev.clustersweep.BadInputException.class,
                () -> new SweepLoop(sweep, FAST).start(requests, 0, true, s -> { })).getMessage();
        assertEquals("the parts of sweep 'run-1' run on slurm and local, whose header and footer lines ('sweep config')"
                + " differ: expected the same set-up for all parts, since their tasks share one wrapper.sh", message);
        assertEquals(List.of(), sweep.submissions());
        org.junit.Assert.assertFalse(java.nio.file.Files.exists(work.resolve(".sweep/run-1/jobs.json")));
    }

    @Test
    public void aSweepWrittenBeforeSubmissionsKeptTheirSettingsRelaunchesWithSweepJson() throws Exception {
        SweepSettings spec = dev.clustersweep.LocalSpecs.fourTasks("run-1", "true", "cpus", 2);
        Sweep sweep = runToEnd(spec, List.of(spec.launchRequest(SiteDefaults.NONE, false)));
        // as an earlier version left it: no settings/ beside the records
        AtomicFiles.deleteTree(sweep.directory().root().resolve("settings"));
        assertNull(sweep.submissionOptions(1));

        sweep.relaunch(TaskList.parse("2"));
        assertEquals(sweep.savedOptions(), sweep.submissionOptions(2));
        assertEquals(2, sweep.submissionOptions(2).resources().cpus());
        assertNull(sweep.submissions().get(1).part());
        new SweepLoop(sweep, FAST).run(RunState.resuming("run-1", FAST), turn -> { });
    }
}
