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

/** {@code sweep launch --requires} on the local backend, from a user's and a project's launchers file. */
public class LaunchersIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    private Path work;
    private Map<String, String> env;

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
        Path config = tmp.newFolder("config").toPath();
        env = Map.of("XDG_CONFIG_HOME", config.toString());
        Files.createDirectories(config.resolve("cluster-sweep"));
        // the user's file knows a big machine; the project's replaces it by id with this one
        Files.writeString(config.resolve("cluster-sweep/launchers.yaml"), """
                launchers:
                  - id: here
                    backend: local
                    nodes: [{cores: 64, mem: 512G}]
                  - id: cluster
                    backend: slurm
                    weight: 9
                    tags: [slurm]
                    partition: debug
                    nodes: [{cores: 8, mem: 4000M}]
                """);
        Files.createDirectories(work.resolve(".sweep"));
        Files.writeString(work.resolve(".sweep/launchers.yaml"), """
                launchers:
                  - id: here
                    backend: local
                    weight: 10
                    tags: [local]
                    nodes: [{cores: 2, mem: 2G}]
                """);
    }

    private SweepProcess.Result sweep(String... args) throws Exception {
        return SweepProcess.run(work, List.of(), env, args);
    }

    @Test
    public void theChosenLauncherRunsTheTasks() throws Exception {
        SweepProcess.Result dry = sweep("launch", "--jobname", "req", "--command", "echo", "--requires",
                "cpu(cores=1, mem=500M) & duration=10m", "--dry-run");
        assertEquals(dry.stderr(), 0, dry.exit());
        assertTrue(dry.stdout(), dry.stdout().startsWith("launcher 'here' (weight 10, local) matches alternative 1:"
                + " backend=local cpus=1 gpus=0 mem=500M duration=600s\n"));
        assertTrue(Files.notExists(work.resolve(".sweep/req")));

        SweepProcess.Result run = sweep("launch", "--jobname", "req", "--command", "echo ran", "--requires",
                "cpu(cores=1, mem=500M)", "--tags", "local");
        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().contains("of sweep 'req' on local"));
        assertEquals("ran\n", Files.readString(work.resolve(".sweep/req/logs/1.1.out")));
    }

    @Test
    public void noMatchAndABadExpressionAreOneLineEach() throws Exception {
        SweepProcess.Result none = sweep("launch", "--jobname", "big", "--command", "echo", "--requires",
                "cpu(cores=16)", "--dry-run");
        assertEquals(2, none.exit());
        assertEquals("sweep: no launcher matches 'cpu(cores=16)': the closest, 'here', lacks 16 cores (has 2)\n",
                none.stderr());
        SweepProcess.Result bad = sweep("launch", "--jobname", "big", "--command", "echo", "--requires",
                "cuda(mem=16)");
        assertEquals(2, bad.exit());
        assertTrue(bad.stderr(), bad.stderr().startsWith("sweep: bad --requires 'cuda(mem=16)' at position 12:"));
        assertTrue(Files.notExists(work.resolve(".sweep/big")));
    }

    @Test
    public void detectWritesTheProjectsFile() throws Exception {
        SweepProcess.Result r = sweep("launchers", "detect");
        assertEquals(r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("launcher(s) to " + work.resolve(".sweep/launchers.yaml")));
        assertTrue(Files.readString(work.resolve(".sweep/launchers.yaml")).startsWith("launchers:\n- id: local\n"));
    }
}
