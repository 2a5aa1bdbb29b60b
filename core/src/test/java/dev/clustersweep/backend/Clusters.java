package dev.clustersweep.backend;

import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.time.Duration;
import java.util.List;

/**
 * Whether the test cluster's schedulers are up. Cluster tests call {@link #requireSlurm()} or
 * {@link #requireGridEngine()} first: on a developer machine without the daemons they are skipped
 * with a message saying how to start them; in CI (CI set) they fail, because there they must run.
 */
public final class Clusters {

    private static Boolean slurm;
    private static Boolean gridEngine;

    private Clusters() {
    }

    public static synchronized void requireSlurm() {
        if (slurm == null) {
            slurm = answers(List.of("sinfo", "-h", "-o", "%T"));
        }
        require(slurm, "Slurm", "slurm");
    }

    public static synchronized void requireGridEngine() {
        if (gridEngine == null) {
            gridEngine = answers(List.of("qstat", "-g", "c"));
        }
        require(gridEngine, "Grid Engine", "gridengine");
    }

    private static boolean answers(List<String> command) {
        return new CommandRunner(Duration.ofSeconds(20)).run(command).ok();
    }

    private static void require(boolean up, String name, String arg) {
        String message = name + " is not running here: start it with 'bash test-cluster/up.sh " + arg
                + "' (see test-cluster/README.md)";
        if (!up && System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(message, up);
    }
}
