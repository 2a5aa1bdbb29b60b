package dev.clustersweep.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.launchers.LaunchersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The parts setting: bound from each caller, then planned into one launch per part. */
public class PartsSettingsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Map<String, Object> sweep(Object parts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "python train.py");
        m.put("jobName", "models");
        m.put("args", Map.of("model", List.of("large", "small", "tiny")));
        m.put("backend", "slurm");
        m.put("partition", "debug");
        m.put("duration", "20m");
        m.put("parts", parts);
        return m;
    }

    private LaunchersFile launchers() throws Exception {
        Path file = tmp.newFile("launchers.yaml").toPath();
        Files.writeString(file, String.join("\n",
                "launchers:",
                "  - id: gpu",
                "    backend: slurm",
                "    weight: 1",
                "    partition: debug",
                "    nodes: [{hosts: [vm], cores: 8, mem: 4000M, gpus: 2}]",
                "  - id: short",
                "    backend: slurm",
                "    weight: 2",
                "    partition: short",
                "    maxDuration: 10m",
                "    nodes: [{hosts: [vm], cores: 8, mem: 4000M}]", ""));
        return LaunchersFile.read(file);
    }

    @Test
    public void eachCallerGivesAListOfParts() throws Exception {
        List<String> canonical = List.of("model=large: cuda() * 2", "model=small: duration=5m");
        assertEquals(canonical, SettingsBinder.bind(Map.of("parts", List.of("model=large: cuda() * 2",
                "model = small :duration=5m")), Caller.COMMAND_LINE).get(Settings.PARTS));
        assertEquals(canonical, SettingsBinder.bind(Map.of("parts", List.of(new StringBuilder("model=large: cuda() * 2"),
                "model=small: duration=5m")), Caller.PIPELINE).get(Settings.PARTS));
        Path spec = tmp.newFile("spec.yaml").toPath();
        Files.writeString(spec, "command: python train.py\njobName: models\nparts:\n  - 'model=large: cuda() * 2'\n"
                + "  - 'model=small: duration=5m'\n");
        assertEquals(canonical, SettingsBinder.fromFile(spec).get(Settings.PARTS));
        assertEquals(List.of(), SettingsBinder.bind(Map.of(), Caller.PIPELINE).get(Settings.PARTS));
    }

    @Test
    public void aBadPartIsNamedInTheCallersWords() {
        assertEquals("bad --part 'model=large cuda()' at position 19: expected ':' between the tasks' selector "
                + "(NAME=VALUE) and their requirements, e.g. 'model=large: cuda(mem=4G) * 2', found the end",
                assertThrows(BadInputException.class, () -> SettingsBinder.bind(Map.of("parts",
                        List.of("model=large cuda()")), Caller.COMMAND_LINE)).getMessage());
        assertEquals("bad parts 'model=large: cuda(mem=4)' at position 24: expected a size unit right after the "
                + "number (K, M, G or T; a size without one is an error), found ')'",
                assertThrows(BadInputException.class, () -> SettingsBinder.bind(Map.of("parts",
                        "model=large: cuda(mem=4)"), Caller.PIPELINE)).getMessage());
    }

    @Test
    public void eachPartRunsWithItsLauncherAndTheRestWithTheSweepsOwnSettings() throws Exception {
        SweepSettings s = SettingsBinder.bind(sweep(List.of("model=large: cuda() * 2", "model=small: duration=5m")),
                Caller.PIPELINE).checkSweep(Caller.PIPELINE);
        PartsPlan plan = s.partsPlan(launchers(), null, null, Caller.PIPELINE);
        assertEquals(List.of(
                "part 'model=large' (1 task 1): launcher 'gpu' (weight 1, slurm, nodes vm) matches alternative 1: "
                        + "backend=slurm cpus=1 gpus=2 partition=debug",
                "part 'model=small' (1 task 2): launcher 'short' (weight 2, slurm, nodes vm) matches alternative 1: "
                        + "backend=slurm cpus=1 gpus=0 duration=300s partition=short",
                "other tasks (1 task 3): the sweep's own settings (backend slurm, duration 20m, partition debug)"),
                plan.lines());
        List<LaunchRequest> requests = plan.requests(SiteDefaults.NONE, null, s.gridSpec(), false, false);
        assertEquals(3, requests.size());
        assertEquals("model=large", requests.get(0).part());
        assertEquals(2, requests.get(0).options().resources().gpus());
        // a part's resources are its own: not the sweep's 20 minutes
        assertEquals(0, requests.get(0).options().resources().durationSeconds());
        assertEquals("short", requests.get(1).options().resources().partition());
        assertEquals(300, requests.get(1).options().resources().durationSeconds());
        assertNull(requests.get(2).part());
        assertEquals(1200, requests.get(2).options().resources().durationSeconds());
        // only the first brings the grid into the sweep; the others launch the sweep's own tasks
        assertEquals(s.gridSpec(), requests.get(0).grid());
        assertNull(requests.get(1).grid());
        assertEquals("2", requests.get(1).tasks().toString());
        // a dry run writes no jobfile: each brings the grid
        assertEquals(s.gridSpec(), plan.requests(SiteDefaults.NONE, null, s.gridSpec(), false, true).get(2).grid());
    }

    @Test
    public void aPartNoLauncherMatchesIsOneLineNamingItAndTheClosest() throws Exception {
        SweepSettings s = SettingsBinder.bind(sweep(List.of("model=large: cuda() * 4")), Caller.COMMAND_LINE);
        assertEquals("bad --part 'model=large: cuda() * 4': no launcher matches 'cuda() * 4': the closest, 'gpu', "
                + "lacks 4 GPUs (has 2)", assertThrows(BadInputException.class,
                        () -> s.partsPlan(launchers(), null, null, Caller.COMMAND_LINE)).getMessage());
    }

    @Test
    public void aPartThatSelectsNoTaskIsAnError() throws Exception {
        SweepSettings s = SettingsBinder.bind(sweep(List.of("model=huge: cuda()")), Caller.PIPELINE);
        assertEquals("bad parts 'model=huge: cuda()': it selects no task: model is one of large, small, tiny",
                assertThrows(BadInputException.class, () -> s.partsPlan(launchers(), null, null, Caller.PIPELINE))
                        .getMessage());
    }

    @Test
    public void withoutPartsThereIsNoPlan() throws Exception {
        assertNull(SettingsBinder.bind(sweep(List.of()), Caller.PIPELINE).partsPlan(launchers(), null, null,
                Caller.PIPELINE));
    }
}
