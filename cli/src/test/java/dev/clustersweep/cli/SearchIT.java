package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * {@code sweep search} on the local backend, as a user runs it: a spec with a search section, a
 * task script that reports its loss with one line of shell, the samples becoming tasks of one
 * sweep; a driver killed with SIGKILL and resumed gives the samples an unbroken run gives.
 */
public class SearchIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(300);

    /** loss = (x - 2)^2, plus 1 unless opt is adam; sleeps SLEEP seconds first. */
    private static final String OBJECTIVE = "#!/usr/bin/env bash\n"
            + "while [ $# -gt 0 ]; do case $1 in --x) x=$2; shift 2;; --opt) opt=$2; shift 2;; *) shift;; esac; done\n"
            + "sleep \"${SLEEP:-0}\"\n"
            + "echo \"loss=$(awk -v x=\"$x\" -v o=\"$opt\" 'BEGIN { print (x - 2) ^ 2 + (o == \"adam\" ? 0 : 1) }')\""
            + " >> \"$SWEEP_METRICS\"\n";

    private Path work(String name, int samples, int parallel, String sleep) throws Exception {
        Path work = tmp.newFolder(name).toPath();
        Files.writeString(work.resolve("objective.sh"), OBJECTIVE);
        Files.writeString(work.resolve("spec.yaml"), "command: bash objective.sh\njobName: s\n"
                + "env: {SLEEP: '" + sleep + "'}\n"
                + "search:\n  optimizer: cem\n  metric: loss\n  minimize: true\n  samples: " + samples + "\n"
                + "  parallel: " + parallel + "\n  seed: 7\n  params:\n"
                + "    - {name: x, distribution: TruncatedNormal, bounds: [-5, 5]}\n"
                + "    - {name: opt, distribution: Discrete, options: [sgd, adam]}\n");
        return work;
    }

    @Test
    public void everySampleIsATaskOfTheSweepWithItsParameters() throws Exception {
        Path work = work("w", 12, 3, "0");
        SweepProcess.Result r = SweepProcess.run(work, "search", "--spec", "spec.yaml", "--backend", "local");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("search 's': 3 task(s) 1-3 launched on local"));
        assertTrue(r.stdout() + r.stderr(), (r.stdout() + r.stderr()).contains("search: 12 of 12 samples ended (0 failed)"));
        List<String> log = Files.readAllLines(work.resolve(".sweep/s/search.log"));
        assertEquals(12, log.stream().filter(l -> l.startsWith("ask ")).count());
        assertEquals(12, log.stream().filter(l -> l.startsWith("tell ")).count());

        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "s", "--summary");
        assertEquals("s: 12 tasks: 12 SUCCEEDED\n", status.stdout());
        // The results table names each sample's parameters, and its loss is the objective's.
        SweepProcess.Result results = SweepProcess.run(work, "results", "--jobname", "s", "--format", "csv");
        assertEquals(results.stderr(), 0, results.exit());
        List<String> rows = results.stdout().lines().toList();
        assertEquals("task,x,opt,state,exit,loss", rows.get(0));
        assertEquals(13, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double x = Double.parseDouble(f[1]);
            double expected = (x - 2) * (x - 2) + (f[2].equals("adam") ? 0 : 1);
            assertEquals(row, expected, Double.parseDouble(f[5]), 1e-4 * Math.max(1, expected));
            assertTrue(row, x >= -5 && x <= 5);
        }
    }

    @Test
    public void aDriverKilledAndResumedAsksTheSameSamples() throws Exception {
        // One at a time: the samples then depend on the seed and the results only, not on timing.
        Path unbroken = work("unbroken", 6, 1, "0");
        SweepProcess.Result whole = SweepProcess.run(unbroken, "search", "--spec", "spec.yaml", "--backend", "local");
        assertEquals(whole.stdout() + whole.stderr(), 0, whole.exit());

        Path broken = work("broken", 6, 1, "1");
        Process driver = SweepProcess.start(broken, "search", "--spec", "spec.yaml", "--backend", "local");
        Path log = broken.resolve(".sweep/s/search.log");
        while (!Files.exists(log) || Files.readAllLines(log).stream().filter(l -> l.startsWith("tell ")).count() < 2) {
            assertTrue("the search ended before it was killed", driver.isAlive());
            Thread.sleep(100);
        }
        driver.destroyForcibly(); // SIGKILL: no hook runs
        driver.waitFor();
        SweepProcess.finish(driver);
        SweepProcess.Result resumed = SweepProcess.run(broken, "search", "--jobname", "s", "--resume");
        assertEquals(resumed.stdout() + resumed.stderr(), 0, resumed.exit());
        assertTrue(resumed.stdout(), resumed.stdout().startsWith("resuming search 's'"));
        assertEquals("the same tasks, in the same order", Files.readString(unbroken.resolve(".sweep/s/jobs.json")),
                Files.readString(broken.resolve(".sweep/s/jobs.json")));
        assertEquals(Files.readString(unbroken.resolve(".sweep/s/search.log")), Files.readString(log));
    }

    @Test
    public void aClusterUtilsSettingsFileRunsAsItIs() throws Exception {
        Path work = work("cu", 8, 2, "0");
        Files.writeString(work.resolve("hp.json"), "{\"optimizer_str\": \"cem_metaoptimizer\","
                + " \"optimizer_settings\": {\"with_restarts\": false, \"num_jobs_in_elite\": 5},"
                + " \"optimization_setting\": {\"metric_to_optimize\": \"loss\", \"minimize\": true,"
                + " \"number_of_samples\": 8, \"n_jobs_per_iteration\": 2},"
                + " \"optimized_params\": [{\"param\": \"x\", \"distribution\": \"TruncatedNormal\", \"bounds\": [-5, 5]},"
                + " {\"param\": \"opt\", \"distribution\": \"Discrete\", \"options\": [\"sgd\", \"adam\"]}],"
                + " \"results_dir\": \"/tmp/cu\", \"git_params\": {}, \"environment_setup\": {}}");
        SweepProcess.Result r = SweepProcess.run(work, "search", "--settings", "hp.json", "--command",
                "bash objective.sh", "--jobname", "s", "--backend", "local");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        // The fields with no meaning here, named in one line.
        List<String> warnings = r.stderr().lines().filter(l -> l.startsWith("sweep: warning: hp.json: ")).toList();
        assertEquals(r.stderr(), 1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("results_dir")
                && warnings.get(0).contains("git_params") && warnings.get(0).contains("environment_setup"));
        List<String> log = Files.readAllLines(work.resolve(".sweep/s/search.log"));
        assertEquals(8, log.stream().filter(l -> l.startsWith("tell ") && !l.endsWith(" -")).count());

        Files.writeString(work.resolve("bad.json"), "{\"optimizer_str\": \"nevergrad\"}");
        SweepProcess.Result bad = SweepProcess.run(work, "search", "--settings", "bad.json", "--command",
                "bash objective.sh", "--jobname", "t", "--backend", "local");
        assertEquals(bad.stderr(), 2, bad.exit());
        assertTrue(bad.stderr(), bad.stderr().startsWith("sweep: bad optimizer_str 'nevergrad'"));
        assertFalse(Files.exists(work.resolve(".sweep/t")));
    }

    @Test
    public void aBadSectionIsOneLineAndWritesNothing() throws Exception {
        Path work = work("bad", 12, 3, "0");
        Files.writeString(work.resolve("spec.yaml"), Files.readString(work.resolve("spec.yaml"))
                .replace("samples: 12", "samples: 0"));
        SweepProcess.Result r = SweepProcess.run(work, "search", "--spec", "spec.yaml", "--backend", "local");
        assertEquals(r.stdout() + r.stderr(), 2, r.exit());
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("search.samples"));
        assertFalse(Files.exists(work.resolve(".sweep")));

        SweepProcess.Result noSection = SweepProcess.run(work, "search", "--jobname", "s", "--command", "true",
                "--backend", "local");
        assertEquals(noSection.stderr(), 2, noSection.exit());
        assertTrue(noSection.stderr(), noSection.stderr().startsWith("sweep: sweep search needs a search section"));
        SweepProcess.Result notASearch = SweepProcess.run(work, "search", "--jobname", "s", "--resume");
        assertEquals(notASearch.stderr(), 2, notASearch.exit());
        assertFalse(Files.exists(work.resolve(".sweep")));
    }
}
