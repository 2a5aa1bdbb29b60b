package dev.clustersweep.settings;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.Prelaunch;
import dev.clustersweep.jobfile.Job;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Settings give the tasks {@code sweep prelaunch} gives for the same grid, and the options {@code sweep launch} takes. */
public class SettingsConversionTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final List<String> WORDS = List.of("+command", "python train.py", "+jobname", "grid-1", "+pos-arg",
            "data/a.csv", "data/b.csv", "+arg", "--lr", "0.1", "0.01", "+arg", "--model", "resnet 50", "vit", "+arg",
            "--seed", "1", "2", "3", "+flag", "--use-amp", "+tag", "--run-tag", "+tag-args", "--lr", "--model");

    private static SweepSettings fromMap(Map<String, ?> m) {
        return SettingsBinder.bind(m, Caller.PIPELINE).checkSweep(Caller.PIPELINE);
    }

    private static SweepSettings spec() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("lr", List.of(new BigDecimal("0.1"), new BigDecimal("0.01")));
        args.put("--model", List.of("resnet 50", "vit"));
        args.put("seed", List.of(1, 2, 3));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "python train.py");
        m.put("jobName", "grid-1");
        m.put("posArgs", List.of(List.of("data/a.csv", "data/b.csv")));
        m.put("args", args);
        m.put("flags", List.of("use-amp"));
        m.put("tag", "run-tag");
        m.put("tagArgs", List.of("lr", "--model"));
        return fromMap(m);
    }

    private static List<String> commands(Grid grid) {
        List<String> out = new ArrayList<>();
        for (Job job : grid) {
            out.add(job.command() + " | " + job.tag());
        }
        return out;
    }

    @Test
    public void sameTasksAsPrelaunchOfTheSameGrid() {
        Grid expected = Grid.of(Prelaunch.parse(WORDS).spec());
        assertEquals(48, expected.size());
        assertEquals(commands(expected), commands(spec().grid()));
    }

    @Test
    public void jobsJsonIsByteForByteWhatPrelaunchWrites() throws Exception {
        Path a = tmp.newFolder("a").toPath();
        Path b = tmp.newFolder("b").toPath();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Prelaunch.parse(WORDS).run(a, quiet);
        SweepSettings s = spec();
        new Prelaunch(s.gridSpec(), Path.of(".sweep/grid-1/jobs.json"), false, true).run(b, quiet);
        assertArrayEquals(Files.readAllBytes(a.resolve(".sweep/grid-1/jobs.json")),
                Files.readAllBytes(b.resolve(".sweep/grid-1/jobs.json")));
    }

    @Test
    public void launchOptionsLikeTheCommandLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "true");
        m.put("jobName", "j");
        m.put("cpus", 4);
        m.put("gpus", 1);
        m.put("mem", "500M");
        m.put("duration", "90m");
        m.put("partition", "gpu");
        m.put("exclude", "node1");
        m.put("signalBefore", 60);
        m.put("extraOptions", "--requeue");
        m.put("maxTasks", 10);
        m.put("tasksPerNode", 4);
        m.put("maxTasksPerNode", 2);
        m.put("killGrace", 30);
        m.put("venv", ".venv");
        m.put("env", Map.of("A", 1));
        m.put("setup", List.of("echo mine"));
        SiteDefaults site = new SiteDefaults("local", 2, "8G", "1h", "cpu", "acct", "all.q",
                Map.of("local", List.of("echo site")), Map.of("local", List.of("echo bye")));
        LaunchOptions o = fromMap(m).launchOptions(site);
        assertEquals("local", o.backend());
        assertEquals(new Resources(4, 1, 500, 5400, "gpu", "acct", null, null, "node1", null, "all.q", 60,
                List.of("--requeue")), o.resources());
        assertEquals(10, o.maxTasks());
        assertEquals(4, o.tasksPerNode());
        assertEquals(2, o.maxTasksPerNode());
        assertEquals(30, o.killGraceSeconds());
        assertEquals(List.of("echo site", "echo mine"), o.environment().header());
        assertEquals(List.of("echo bye"), o.environment().footer());
        assertEquals(".venv", o.environment().venv());
        assertEquals(Map.of("A", "1"), o.environment().env());
    }

    @Test
    public void siteDefaultsFillWhatTheSpecLeavesOut() {
        SweepSettings s = fromMap(Map.of("command", "true", "jobName", "j"));
        LaunchOptions none = s.launchOptions(SiteDefaults.NONE);
        assertEquals("local", none.backend());
        assertEquals(Resources.defaults(), none.resources());
        assertEquals(1, none.tasksPerNode());
        assertEquals(10, none.killGraceSeconds());
        assertNull(none.environment().venv());
        Resources r = s.launchOptions(new SiteDefaults(null, 3, "2G", "10m", "p", null, null, null, null)).resources();
        assertEquals(3, r.cpus());
        assertEquals(2048, r.memMegabytes());
        assertEquals(600, r.durationSeconds());
        assertEquals("p", r.partition());
    }

    @Test
    public void theSpecsOwnValuesWinOverTheSites() {
        SweepSettings s = fromMap(Map.of("command", "true", "jobName", "j", "cpus", 5, "backend", "slurm"));
        LaunchOptions o = s.launchOptions(new SiteDefaults("gridengine", 3, null, null, null, null, null, null, null));
        assertEquals("slurm", o.backend());
        assertEquals(5, o.resources().cpus());
    }
}
