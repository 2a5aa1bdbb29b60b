package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * {@code sweep launch --part} on the local backend: two parts of one sweep as two submissions with
 * their own resources, a retry that takes each task back to its part's, and the refusals.
 */
public class PartsIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(240);

    private Path work;
    private Map<String, String> env;

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
        env = Map.of("XDG_CONFIG_HOME", tmp.newFolder("config").toString());
        Files.createDirectories(work.resolve(".sweep"));
        // two local launchers: the heavier has no GPU, so only a part that asks for GPUs goes to the other
        Files.writeString(work.resolve(".sweep/launchers.yaml"), """
                launchers:
                  - id: gpus
                    backend: local
                    weight: 1
                    nodes: [{cores: 2, mem: 4G, gpus: 2}]
                  - id: cpus
                    backend: local
                    weight: 2
                    nodes: [{cores: 2, mem: 4G}]
                """);
        // fails on its first attempt, succeeds on the next: a retry must happen
        Files.writeString(work.resolve("task.sh"), """
                f="done$(echo "$*" | tr -c 'a-z0-9\\n' _)"
                if [ -e "$f" ]; then echo "ok $*"; else touch "$f"; exit 1; fi
                """);
        Files.writeString(work.resolve("spec.yaml"), """
                command: sh task.sh
                jobName: models
                backend: local
                args:
                  model: [large, small]
                  lr: ['0.1', '0.2']
                parts:
                  - 'model=large: cuda() * 2 & cpu(cores=1)'
                """);
    }

    private SweepProcess.Result sweep(String... args) throws Exception {
        return SweepProcess.run(work, List.of(), env, args);
    }

    private String record(String kind, int number) throws Exception {
        return Files.readString(work.resolve(".sweep/models/" + kind + String.format("/%06d.json", number)));
    }

    @Test
    public void twoPartsRunAsTwoSubmissionsAndRetriesGoBackToTheirPart() throws Exception {
        SweepProcess.Result dry = sweep("launch", "--spec", "spec.yaml", "--dry-run");
        assertEquals(dry.stderr(), 0, dry.exit());
        assertTrue(dry.stdout(), dry.stdout().startsWith(
                "part 'model=large' (2 tasks 1,3): launcher 'gpus' (weight 1, local) matches alternative 1: "
                        + "backend=local cpus=1 gpus=2\n"
                        + "other tasks (2 tasks 2,4): the sweep's own settings (--backend local)\n"));
        assertTrue(Files.notExists(work.resolve(".sweep/models")));

        SweepProcess.Result run = sweep("launch", "--spec", "spec.yaml", "--retries", "1");
        assertEquals(run.stdout() + run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().contains(
                "submission 1: 2 task(s) 1,3 of sweep 'models' on local (part 'model=large')\n"
                        + "submission 2: 2 task(s) 2,4 of sweep 'models' on local\n"));
        assertTrue(run.stdout(), run.stdout().contains("retry 1 of 1: relaunched tasks 1-4"));
        // the part's submission and its settings, then the others'
        assertTrue(record("submissions", 1).contains("\"part\" : \"model=large\""));
        assertTrue(record("settings", 1).contains("\"gpus\" : 2"));
        assertTrue(record("submissions", 2).contains("\"part\" : null"));
        assertTrue(record("settings", 2).contains("\"gpus\" : 0"));
        // the retry: one submission per part, each with its part's resources
        assertTrue(record("submissions", 3).contains("\"tasks\" : \"1,3\""));
        assertTrue(record("submissions", 3).contains("\"part\" : \"model=large\""));
        assertTrue(record("settings", 3).contains("\"gpus\" : 2"));
        assertTrue(record("submissions", 4).contains("\"tasks\" : \"2,4\""));
        assertTrue(record("settings", 4).contains("\"gpus\" : 0"));
        assertEquals("ok --model large --lr 0.2\n", Files.readString(work.resolve(".sweep/models/logs/3.2.out")));

        // one sweep for status, and a relaunch by hand that names no settings goes back to the parts too
        SweepProcess.Result status = sweep("status", "--jobname", "models");
        assertTrue(status.stdout(), status.stdout().startsWith("models: 4 tasks: 4 SUCCEEDED"));
        SweepProcess.Result again = sweep("launch", "--jobname", "models", "--tasklist", "1,2");
        assertEquals(again.stderr(), 0, again.exit());
        assertTrue(again.stdout(), again.stdout().contains(
                "submission 5: 1 task(s) 1 of sweep 'models' on local (part 'model=large')\n"
                        + "submission 6: 1 task(s) 2 of sweep 'models' on local\n"));
        assertTrue(record("settings", 5).contains("\"gpus\" : 2"));
    }

    @Test
    public void aBadPartNoLauncherAndAnEmptyPartAreOneLineEachAndWriteNothing() throws Exception {
        String[][] cases = {
            {"model=large cuda()", "sweep: bad --part 'model=large cuda()' at position 19: expected ':' between the"
                    + " tasks' selector (NAME=VALUE) and their requirements, e.g. 'model=large: cuda(mem=4G) * 2',"
                    + " found the end"},
            {"model=large: cuda(mem=4)", "sweep: bad --part 'model=large: cuda(mem=4)' at position 24: expected a"
                    + " size unit right after the number (K, M, G or T; a size without one is an error), found ')'"},
            {"model=large: cuda() * 4", "sweep: bad --part 'model=large: cuda() * 4': no launcher matches"
                    + " 'cuda() * 4': the closest, 'gpus', lacks 4 GPUs (has 2)"},
            {"model=huge: cuda()", "sweep: bad --part 'model=huge: cuda()': it selects no task: model is one of"
                    + " large, small"},
        };
        for (String[] c : cases) {
            SweepProcess.Result r = sweep("launch", "--spec", "spec.yaml", "--part", c[0]);
            assertEquals(c[0] + ": " + r.stderr(), 2, r.exit());
            assertEquals(c[1] + "\n", r.stderr());
            assertTrue(c[0], Files.notExists(work.resolve(".sweep/models")));
        }
    }

    @Test
    public void aRelaunchOfPartsWithATaskStillActiveSubmitsNone() throws Exception {
        // Task 4 (of the sweep's own settings) waits for a file; a relaunch of 1-4 that names no
        // settings would submit part model=large's tasks 1 and 3 first and then be refused for task
        // 4's group: it must refuse before either, in one line, and leave no submission.
        Files.writeString(work.resolve("slow.sh"), "case \"$*\" in *small*0.2*) while [ ! -e go ]; do sleep 0.1; done;; esac\n");
        Files.writeString(work.resolve("spec.yaml"), Files.readString(work.resolve("spec.yaml"))
                .replace("sh task.sh", "sh slow.sh"));
        Process first = SweepProcess.start(work, List.of(), env, "launch", "--spec", "spec.yaml");
        Path running = work.resolve(".sweep/models/status/4.1.start");
        for (int i = 0; i < 600 && !Files.exists(running); i++) {
            Thread.sleep(100);
        }
        assertTrue("task 4 never started", Files.exists(running));
        SweepProcess.Result again = sweep("launch", "--jobname", "models", "--tasklist", "1-4");
        Files.writeString(work.resolve("go"), "");
        assertEquals(0, SweepProcess.finish(first).exit());
        assertEquals(again.stdout() + again.stderr(), 2, again.exit());
        assertEquals("sweep: sweep 'models' still has 1 active task(s) among those selected (4): expected them to end"
                + " first, or 'sweep cancel --jobname models'", again.stderr().strip());
        assertTrue("no third submission", !Files.exists(work.resolve(".sweep/models/submissions/000003.json")));
    }
}
