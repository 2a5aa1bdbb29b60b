package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * {@code sweep results} on a real local sweep, as a user runs it: tasks report with one line of
 * shell, the table comes back in each format, bad options are one line and exit 2.
 */
public class ResultsCommandIT {

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    private static Path work;

    /** loss = lr * 10 + seed; accuracy = 1 - loss / 10; lr 0.3 with seed 2 fails after reporting; one bad line. */
    private static final String TRAIN = "f() { l=$(awk -v l=$2 -v s=$4 'BEGIN { print l * 10 + s }');"
            + " echo \"loss=$l\" >> \"$SWEEP_METRICS\";"
            + " echo \"accuracy=$(awk -v l=$l 'BEGIN { print 1 - l / 10 }')\" >> \"$SWEEP_METRICS\";"
            + " [ $2 = 0.1 ] && echo 'loss = oops' >> \"$SWEEP_METRICS\";"
            + " [ \"$2$4\" != 0.32 ]; }; f";

    @BeforeClass
    public static void sweep() throws Exception {
        work = tmp.newFolder("work").toPath();
        SweepProcess.Result pre = SweepProcess.run(work, "prelaunch", "+jobname", "r", "+command", TRAIN, "+arg",
                "--lr", "0.1", "0.3", "+arg", "--seed", "1", "2", "3", "+tag", "--run-tag", "+q");
        assertEquals(pre.stderr(), 0, pre.exit());
        SweepProcess.Result launch = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "r",
                "--max-tasks", "2");
        assertEquals(launch.stdout() + launch.stderr(), 1, launch.exit()); // one task fails on purpose
    }

    private static SweepProcess.Result results(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "results";
        all[1] = "--jobname";
        all[2] = "r";
        System.arraycopy(args, 0, all, 3, args.length);
        return SweepProcess.run(work, all);
    }

    @Test
    public void aTableOfEveryTaskWithItsParametersStateAndMetrics() throws Exception {
        SweepProcess.Result r = results();
        assertEquals(r.stderr(), 0, r.exit());
        List<String> lines = r.stdout().lines().toList();
        assertEquals("r: 6 tasks: 5 SUCCEEDED, 1 FAILED", lines.get(0));
        assertEquals(List.of("task", "lr", "seed", "state", "exit", "accuracy", "loss", "problems"),
                List.of(lines.get(1).trim().split(" +")));
        assertEquals(List.of("1", "0.1", "1", "SUCCEEDED", "0", "0.8", "2", "1"), List.of(lines.get(2).trim().split(" +")));
        assertEquals(List.of("4", "0.3", "2", "FAILED", "1", "0.5", "5", "0"), List.of(lines.get(5).trim().split(" +")));
        // Each bad line named on stderr, with its task, file and line; its other values were kept.
        assertTrue(r.stderr(), r.stderr().contains("sweep: task 1: metrics/1.1.txt line 3: 'loss = oops': bad value"
                + " 'oops' of loss"));
        assertEquals(3, r.stderr().lines().count());
    }

    @Test
    public void rankedByAMetricBestFirstOnlyTasksThatSucceeded() throws Exception {
        SweepProcess.Result r = results("--metric", "accuracy", "--maximize", "--top", "2", "--format", "csv");
        assertEquals(r.stderr(), 0, r.exit());
        assertEquals("task,lr,seed,state,exit,accuracy,loss,problems\n"
                + "1,0.1,1,SUCCEEDED,0,0.8,2,1\n"
                + "3,0.1,2,SUCCEEDED,0,0.7,3,1\n", r.stdout());

        SweepProcess.Result all = results("--metric", "loss", "--format", "markdown");
        List<String> rows = all.stdout().lines().toList();
        assertEquals("| task | lr | seed | state | exit | loss | accuracy | problems |", rows.get(0));
        // 1 (2), 3 (3), 2 (4), 5 (4), 6 (6); then the failed 4, unranked although its loss is 5.
        assertEquals(List.of("1", "3", "2", "5", "6", "4"),
                rows.subList(2, rows.size()).stream().map(l -> l.split("\\| *")[1].trim()).toList());
    }

    @Test
    public void overSeedMeanDeviationAndCountPerConfiguration() throws Exception {
        SweepProcess.Result r = results("--metric", "loss", "--over", "seed", "--format", "json");
        assertEquals(r.stderr(), 0, r.exit());
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertEquals("[\"lr\",\"tasks\",\"failed\",\"n\",\"loss_mean\",\"loss_sd\",\"loss_best\",\"loss_worst\"]",
                json.get("columns").toString());
        JsonNode best = json.get("rows").get(0);
        assertEquals("0.1", best.get("lr").asText());
        assertEquals(3, best.get("n").asInt());
        assertEquals(3.0, best.get("loss_mean").asDouble(), 1e-9);
        assertEquals(1.0, best.get("loss_sd").asDouble(), 1e-9);
        JsonNode other = json.get("rows").get(1);
        assertEquals(1, other.get("failed").asInt());
        assertEquals(2, other.get("n").asInt());
        assertEquals(5.0, other.get("loss_mean").asDouble(), 1e-9); // seeds 1 and 3: 4 and 6

        SweepProcess.Result table = results("--metric", "loss", "--over", "--seed", "--top", "1");
        assertEquals(table.stderr(), 0, table.exit());
        assertTrue(table.stdout(), table.stdout().startsWith("r: 6 tasks: 5 SUCCEEDED, 1 FAILED; 2 configuration(s)"
                + " over seed, by mean loss, smallest first\n"));
        assertEquals(3, table.stdout().lines().count());
    }

    @Test
    public void perParameterValueWithFailuresCountedApart() throws Exception {
        SweepProcess.Result r = results("--metric", "loss", "--by-parameter", "--format", "csv");
        assertEquals(r.stderr(), 0, r.exit());
        assertEquals("parameter,value,tasks,failed,n,loss_mean,loss_sd,loss_best,loss_worst\n"
                + "lr,0.1,3,0,3,3,1,2,4\n"
                + "lr,0.3,3,1,2,5,1.4142135623730951,4,6\n"
                + "seed,1,2,0,2,3,1.4142135623730951,2,4\n"
                + "seed,2,2,1,1,3,,3,3\n"
                + "seed,3,2,0,2,5,1.4142135623730951,4,6\n", r.stdout());
    }

    @Test
    public void badInputIsOneLineExitTwoAndNothingOnStdout() throws Exception {
        String[][] cases = {
            {"--metric", "los"},
            {"--metric", "loss", "--over", "sed"},
            {"--metric", "loss", "--top", "0"},
            {"--format", "xml"},
            {"--over", "seed"},
            {"--metric", "loss", "--minimize", "--maximize"},
            {"--metric", "loss", "--over", "seed", "--by-parameter"},
            {"--metric", "loss", "--by-parameter", "--top", "3"},
            {"--top", "x"},
        };
        String[] expected = {
            "sweep: no task of sweep 'r' reported metric 'los': expected one of accuracy, loss",
            "sweep: bad --over 'sed': expected one of the sweep's parameters lr, seed",
            "sweep: bad --top '0': expected a whole number from 1",
            "sweep: bad --format 'xml': expected table, csv, json or markdown",
            "sweep: --over needs --metric NAME: expected the metric to rank by",
            "sweep: --minimize and --maximize both given: expected one of them",
            "sweep: --over and --by-parameter both given: expected one of them",
            "sweep: --top does not apply to --by-parameter: expected one of them",
            null,
        };
        for (int i = 0; i < cases.length; i++) {
            SweepProcess.Result r = results(cases[i]);
            assertEquals(String.join(" ", cases[i]) + ": " + r.stderr(), 2, r.exit());
            assertEquals(String.join(" ", cases[i]), "", r.stdout());
            assertEquals(r.stderr(), 1, r.stderr().lines().count());
            if (expected[i] != null) {
                assertEquals(expected[i], r.stderr().strip());
            }
        }
        SweepProcess.Result none = SweepProcess.run(work, "results", "--jobname", "nosuch");
        assertEquals(2, none.exit());
        assertEquals("sweep: no sweep named 'nosuch' here: expected a jobname from 'sweep list'", none.stderr().strip());
    }
}
