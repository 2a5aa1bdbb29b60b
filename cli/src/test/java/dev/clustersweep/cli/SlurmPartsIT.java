package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clustersweep.backend.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Two parts of one sweep on the test cluster's Slurm: the large model's tasks on partition debug with
 * two GPUs (the node's GRES), the small one's on partition short; status and cancel over both, and a
 * relaunch of the cancelled tasks that takes each back to its part's partition and GPUs, as Slurm
 * itself says ({@code scontrol show job}).
 */
public class SlurmPartsIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(300);

    private final CommandRunner shell = new CommandRunner(Duration.ofSeconds(30));
    private Path work;
    private Map<String, String> env;

    @Before
    public void setUp() throws Exception {
        boolean up = shell.run(List.of("sinfo", "-h", "-o", "%T")).ok();
        String message = "Slurm is not running here: start it with 'bash test-cluster/up.sh slurm'";
        if (!up && System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(message, up);
        work = tmp.newFolder("work").toPath();
        env = Map.of("XDG_CONFIG_HOME", tmp.newFolder("config").toString());
        Files.createDirectories(work.resolve(".sweep"));
        // short weighs more but has no GPU: only the part that asks for GPUs goes to debug
        Files.writeString(work.resolve(".sweep/launchers.yaml"), """
                launchers:
                  - id: gpu
                    backend: slurm
                    weight: 1
                    partition: debug
                    nodes: [{cores: 8, mem: 4000M, gpus: 2}]
                  - id: short
                    backend: slurm
                    weight: 2
                    partition: short
                    maxDuration: 10m
                    nodes: [{cores: 8, mem: 4000M}]
                """);
        Files.writeString(work.resolve("task.sh"), "sleep 240\n");
        Files.writeString(work.resolve("spec.yaml"), """
                command: sh task.sh
                jobName: models
                args:
                  model: [large, small]
                  seed: ['1', '2']
                parts:
                  - 'model=large: cuda() * 2 & duration=5m'
                  - 'model=small: duration=5m & cpu(cores=1, mem=100M)'
                """);
    }

    @After
    public void cancelWhatIsLeft() throws Exception {
        if (work != null && Files.exists(work.resolve(".sweep/models/submissions"))) {
            sweep("cancel", "--jobname", "models");
        }
    }

    private SweepProcess.Result sweep(String... args) throws Exception {
        return SweepProcess.run(work, List.of(), env, args);
    }

    private JsonNode submission(int number) throws Exception {
        return new ObjectMapper().readTree(work.resolve(String.format(".sweep/models/submissions/%06d.json", number))
                .toFile());
    }

    /** What Slurm says of a submission's array: each element's partition and GRES, distinct. */
    private String slurmSays(int number) throws Exception {
        String job = submission(number).path("jobs").get(0).path("jobId").asText();
        CommandRunner.Result r = shell.run(List.of("scontrol", "--oneliner", "show", "job", job));
        assertTrue(r.message(), r.ok());
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String line : r.stdout().split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Partition=(\\S+)").matcher(line);
            java.util.regex.Matcher g = java.util.regex.Pattern.compile("TresPerNode=(\\S+)").matcher(line);
            if (m.find()) {
                seen.add(m.group(1) + " " + (g.find() ? g.group(1) : "no-gres"));
            }
        }
        return String.join(";", seen);
    }

    @Test
    public void twoPartsLandInTheirPartitionsAndARelaunchGoesBackToThem() throws Exception {
        SweepProcess.Result run = sweep("launch", "--spec", "spec.yaml");
        assertEquals(run.stdout() + run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().contains(
                "submission 1: 2 task(s) 1,3 of sweep 'models' on slurm (part 'model=large')\n"
                        + "submission 2: 2 task(s) 2,4 of sweep 'models' on slurm (part 'model=small')\n"));
        assertEquals("debug gres:gpu:2", slurmSays(1));
        assertEquals("short no-gres", slurmSays(2));
        assertEquals("model=large", submission(1).path("part").asText());

        // one sweep: status and cancel over both arrays
        SweepProcess.Result status = sweep("status", "--jobname", "models");
        assertTrue(status.stdout(), status.stdout().startsWith("models: 4 tasks: "));
        SweepProcess.Result cancel = sweep("cancel", "--jobname", "models");
        assertEquals(cancel.stderr(), 0, cancel.exit());
        assertTrue(cancel.stdout(), cancel.stdout().contains("cancelled 4 task(s): 1-4"));
        String line = "";
        for (int i = 0; i < 60 && !line.contains("4 CANCELLED"); i++) {
            Thread.sleep(1000);
            line = sweep("status", "--jobname", "models").stdout().lines().findFirst().orElse("");
        }
        assertEquals("models: 4 tasks: 4 CANCELLED", line);

        // a relaunch that names no settings: each task back to its part's partition and GPUs
        SweepProcess.Result again = sweep("launch", "--jobname", "models", "--failed");
        assertEquals(again.stdout() + again.stderr(), 0, again.exit());
        assertTrue(again.stdout(), again.stdout().contains(
                "submission 3: 2 task(s) 1,3 of sweep 'models' on slurm (part 'model=large')\n"
                        + "submission 4: 2 task(s) 2,4 of sweep 'models' on slurm (part 'model=small')\n"));
        assertEquals("debug gres:gpu:2", slurmSays(3));
        assertEquals("short no-gres", slurmSays(4));
    }
}
