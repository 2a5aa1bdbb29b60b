package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.Waiting;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** Real tasks on the local backend report metrics; the engine reads them back with their parameters. */
public class LocalResultsIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    /** Two tasks at a time on this machine; shared with the report's IT, which runs the same kind of sweep. */
    public static LaunchOptions local() {
        Resources r = new Resources(1, 0, 0, 0, null, null, null, null, null, null, null, 0, List.of());
        return new LaunchOptions("local", r, 2, 1, 0, EnvironmentSetup.NONE, 2);
    }

    /** The task: loss = lr * 10 + seed, a learning curve, its attempt, one bad line; lr 0.3 seed 3 fails. */
    private static final String TRAIN = "f() { lr=$2 seed=$4;"
            + " for s in 0 1 2; do echo \"loss@$s=$s.5\" >> \"$SWEEP_METRICS\"; done;"
            + " echo \"loss=$(awk -v l=$lr -v s=$seed 'BEGIN { print l * 10 + s }')\" >> \"$SWEEP_METRICS\";"
            + " echo \"attempt=$SWEEP_ATTEMPT\" >> \"$SWEEP_METRICS\"; echo 'not a metric' >> \"$SWEEP_METRICS\";"
            + " [ \"$lr$seed\" != 0.33 ]; }; f";

    @Test
    public void tasksOfAGridReportWithOneLineOfShell() throws Exception {
        Path work = tmp.getRoot().toPath();
        Sweep sweep = Sweep.open(work, "grid");
        GridSpec grid = GridSpec.builder(TRAIN, "grid").arg("--lr", "0.1", "0.3").arg("--seed", "1", "2", "3")
                .build();
        sweep.launch(new LaunchRequest(null, grid, null, false, local(), false));
        Waiting.untilEnded(sweep);

        SweepResults r = SweepResults.read(sweep, true);
        assertEquals(List.of("lr", "seed"), r.parameters());
        assertEquals(List.of("attempt", "loss"), r.metrics());
        assertEquals(6, r.tasks().size());
        TaskResult first = r.tasks().get(0);
        assertEquals(Map.of("lr", "0.1", "seed", "1"), first.parameters());
        assertEquals(TaskState.SUCCEEDED, first.state());
        assertEquals(2.0, first.value("loss"), 1e-9);
        assertEquals(List.of(new MetricPoint(0, 0.5), new MetricPoint(1, 1.5), new MetricPoint(2, 2.5)),
                first.metrics().series().get("loss"));
        assertEquals(1, first.metrics().problems().size());
        assertEquals("metrics/1.1.txt line 6: 'not a metric': " + MetricLines.LINE_EXPECTED,
                first.metrics().problems().get(0).describe());
        TaskResult failed = r.tasks().get(5);
        assertEquals(Map.of("lr", "0.3", "seed", "3"), failed.parameters());
        assertEquals(TaskState.FAILED, failed.state());
        assertEquals(6.0, failed.value("loss"), 1e-9); // reported, but not a result: not ranked

        Ranking ranking = Ranking.of(r.tasks(), new Objective("loss", false));
        assertEquals(List.of(1L, 3L, 2L, 5L, 4L), ranking.ranked().stream().map(TaskResult::id).toList());
        List<Configurations.Configuration> configs = Configurations.of(r.tasks(), List.of("seed"),
                new Objective("loss", false));
        assertEquals(Map.of("lr", "0.1"), configs.get(0).parameters());
        assertEquals(3.0, configs.get(0).stats().mean(), 1e-9);
        assertEquals(1, configs.get(1).failed());
        assertEquals(2, configs.get(1).stats().n());

        // A relaunch is a new attempt: its values, not the earlier attempt's, are the task's.
        sweep.relaunch(TaskList.parse("6"));
        Waiting.untilEnded(sweep);
        TaskResult again = SweepResults.read(sweep, false).tasks().get(5);
        assertEquals(2, again.attempt());
        assertEquals(2.0, again.value("attempt"), 0);
        assertEquals(TaskState.FAILED, again.state());
        assertTrue(again.metrics().series().isEmpty()); // not kept unless asked for
    }

    @Test
    public void clusterUtilsScriptsReportUnchangedIntoTheirAttemptDirectory() throws Exception {
        Path work = tmp.getRoot().toPath();
        SweepDirectory dir = new SweepDirectory(work, "cu");
        // What finalize_job does with working_dir=$SWEEP_ATTEMPT_DIR: makes the directory, writes one-line CSVs.
        String finalize = "mkdir -p \"$SWEEP_ATTEMPT_DIR\" && printf 'loss,time_elapsed\\r\\n%s,1.5\\r\\n' \"$2\""
                + " > \"$SWEEP_ATTEMPT_DIR/metrics.csv\"";
        // A jobfile as onager writes it: no grid, so the parameters come from the commands.
        JobFile.write(dir.jobFile(), List.of(
                new Job(1, "f() { " + finalize + "; }; f --lr 0.25 --tag cu_1__lr_0.25", "cu_1__lr_0.25"),
                new Job(2, "f() { " + finalize + "; echo loss=0.5 >> \"$SWEEP_METRICS\"; }; f --lr 0.75 --tag cu_2__lr_0.75",
                        "cu_2__lr_0.75"),
                new Job(3, "f() { exit 0; }; f --lr 1", "")).iterator());
        Sweep sweep = Sweep.open(work, "cu");
        sweep.launch(new LaunchRequest(null, null, null, false, local(), false));
        Waiting.untilEnded(sweep);

        SweepResults r = SweepResults.read(sweep, false);
        assertEquals(List.of("lr"), r.parameters());
        assertEquals(List.of("loss", "time_elapsed"), r.metrics());
        assertEquals(Map.of("lr", "0.25"), r.tasks().get(0).parameters());
        assertEquals(0.25, r.tasks().get(0).value("loss"), 0);
        assertEquals(1.5, r.tasks().get(0).value("time_elapsed"), 0);
        assertEquals(0.5, r.tasks().get(1).value("loss"), 0); // $SWEEP_METRICS wins over metrics.csv
        assertNull(r.tasks().get(2).value("loss"));
        assertEquals(List.of(), r.withProblems());
    }

    @Test
    public void aLaunchFromAnotherSweepsJobfileKeepsItsGrid() throws Exception {
        Path work = tmp.getRoot().toPath();
        // A positional argument and a flag: only the grid names them (a command gives no name to either).
        GridSpec grid = GridSpec.builder("f() { echo \"loss=$2\" >> \"$SWEEP_METRICS\"; }; f", "first")
                .posArg("a", "b").arg("--lr", "1", "2").flag("--fast").build();
        Sweep first = Sweep.open(work, "first");
        first.launch(new LaunchRequest(null, grid, null, false, local(), false));
        Waiting.untilEnded(first);
        Path jobs = first.directory().jobFile();
        assertTrue(Files.exists(dev.clustersweep.grid.GridFile.beside(jobs)));

        Sweep second = Sweep.open(work, "second");
        second.launch(new LaunchRequest(jobs, null, null, false, local(), false));
        Waiting.untilEnded(second);
        assertEquals(Files.readString(dev.clustersweep.grid.GridFile.beside(jobs)),
                Files.readString(dev.clustersweep.grid.GridFile.beside(second.directory().jobFile())));
        SweepResults r = SweepResults.read(second, false);
        assertEquals(List.of("pos1", "lr", "fast"), r.parameters());
        assertEquals(Map.of("pos1", "a", "lr", "1", "fast", "true"), r.tasks().get(0).parameters());
    }

    @Test
    public void aJobfileReplacedAfterTheParametersWereCachedIsReadAgain() throws Exception {
        Path work = tmp.getRoot().toPath();
        SweepDirectory dir = new SweepDirectory(work, "swap");
        JobFile.write(dir.jobFile(), List.of(new Job(1, "f() { echo loss=1 >> \"$SWEEP_METRICS\"; }; f --lr 0.25", ""),
                new Job(2, "f() { echo loss=2 >> \"$SWEEP_METRICS\"; }; f --lr 0.75", "")).iterator());
        Sweep sweep = Sweep.open(work, "swap");
        sweep.launch(new LaunchRequest(null, null, null, false, local(), false));
        Waiting.untilEnded(sweep);
        assertEquals(Map.of("lr", "0.25"), SweepResults.read(sweep, false).tasks().get(0).parameters());
        assertTrue("the parameters are kept", Files.exists(dir.parametersCache()));
        assertEquals("read from the cache", Map.of("lr", "0.75"),
                SweepResults.read(sweep, false).tasks().get(1).parameters());

        // The same ids, the same size, other values (a jobfile edited by hand): never the cached ones.
        JobFile.write(dir.jobFile(), List.of(new Job(1, "f() { echo loss=1 >> \"$SWEEP_METRICS\"; }; f --lr 0.35", ""),
                new Job(2, "f() { echo loss=2 >> \"$SWEEP_METRICS\"; }; f --lr 0.85", "")).iterator());
        SweepResults r = SweepResults.read(sweep, false);
        assertEquals(Map.of("lr", "0.35"), r.tasks().get(0).parameters());
        assertEquals(Map.of("lr", "0.85"), r.tasks().get(1).parameters());
        assertEquals(Map.of("lr", "0.85"), SweepResults.read(sweep, false).tasks().get(1).parameters());
        assertEquals(1.0, r.tasks().get(0).value("loss"), 0);
    }

    @Test
    public void theEndedAttemptsValuesComeFromTheCacheOnceItHoldsThem() throws Exception {
        // Whether results.cache is read, not only written: an ended attempt's metrics file changed
        // behind the cache's back (which a task cannot do: its attempt has ended) keeps showing the
        // value the cache took, until the cache is gone.
        Path work = tmp.getRoot().toPath();
        Sweep sweep = Sweep.open(work, "kept");
        GridSpec grid = GridSpec.builder("f() { echo \"loss=$2\" >> \"$SWEEP_METRICS\"; }; f", "kept")
                .arg("--lr", "1", "2", "3").build();
        sweep.launch(new LaunchRequest(null, grid, null, false, local(), false));
        Waiting.untilEnded(sweep);
        SweepDirectory dir = sweep.directory();
        assertEquals(1.0, SweepResults.read(sweep, false).tasks().get(0).value("loss"), 0);
        assertTrue("the values are kept", Files.exists(dir.resultsCache()));

        Files.writeString(work.resolve(".sweep/kept/metrics/1.1.txt"), "loss=7\n");
        assertEquals("read from the cache", 1.0, SweepResults.read(sweep, false).tasks().get(0).value("loss"), 0);
        Files.delete(dir.resultsCache());
        assertEquals("read from the file", 7.0, SweepResults.read(sweep, false).tasks().get(0).value("loss"), 0);
    }
}
