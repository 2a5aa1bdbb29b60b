package dev.clustersweep.launchers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LauncherFinderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final LaunchersFile file = LaunchersFile.read(Path.of("src/test/resources/launchers/example.yaml"));

    private Choice find(String expression, String... tags) {
        return LauncherFinder.find(file, Requirements.parse(expression), List.of(tags));
    }

    @Test
    public void aCpuTaskRunsOnTheHeaviestLauncher() {
        Choice c = find("cpu(cores=2, mem=1G) & duration=1h");
        assertEquals("laptop", c.launcher().id());
        assertEquals(Map.of("backend", "local", "cpus", 2, "gpus", 0, "mem", "1024M", "duration", "3600s"),
                c.settings());
    }

    @Test
    public void gpusComeFromFeaturesAndTheBestQosWins() {
        Choice c = find("duration=4 days & cuda(mem=32G) * 2 & cpu(mem=6G, cores=2)");
        assertEquals("gpu", c.launcher().id());
        assertEquals(List.of("yop", "yep"), c.nodes().hosts());
        // 6G at 2048M per core is three cores; four days only fits the long QoS
        assertEquals("{backend=slurm, cpus=3, gpus=2, duration=345600s, partition=gpu, qos=long, account=team,"
                + " constraint=GPU3&GPUM48G}", c.settings().toString());
        assertEquals("short", find("cuda(mem=4G) & duration=2h").qos().name());
    }

    @Test
    public void tagsFilterAndAlternativesAreTriedInOrder() {
        assertEquals("gpu", find("cuda() & cpu(cores=2)", "slurm").launcher().id());
        assertTrue(assertThrows(BadInputException.class, () -> find("cpu(cores=2)", "slurm")).getMessage()
                .endsWith("the closest, 'gpu', lacks a QoS for 0s with 0 GPUs"));
        Choice c = find("cuda(mem=100G) | cuda(mem=20G)");
        assertEquals(1, c.alternative());
        assertEquals(List.of("yop", "yep"), c.nodes().hosts());
    }

    @Test
    public void noMatchNamesTheClosestLauncherAndWhatItLacks() {
        BadInputException e = assertThrows(BadInputException.class, () -> find("cuda(mem=4G) * 4"));
        assertEquals("no launcher matches 'cuda(mem=4G) * 4': the closest, 'gpu', lacks 4 GPUs (has 3)", e.getMessage());
        e = assertThrows(BadInputException.class, () -> find("cpu(cores=2)", "nowhere"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("no launcher with tags nowhere in "));
    }

    @Test
    public void writtenFilesReadBackTheSame() throws Exception {
        Path out = tmp.getRoot().toPath().resolve(".sweep/launchers.yaml");
        file.write(out);
        assertEquals(file, LaunchersFile.read(out));
    }

    @Test
    public void aBadFileIsNamedWithTheLauncher() throws Exception {
        Path bad = tmp.newFile("launchers.yaml").toPath();
        Files.writeString(bad, "launchers:\n  - id: x\n    backend: pbs\n");
        BadInputException e = assertThrows(BadInputException.class, () -> LaunchersFile.read(bad));
        assertTrue(e.getMessage(), e.getMessage().startsWith("bad launchers file " + bad + ", launcher 'x': "));
        Files.writeString(bad, "launchers:\n  - id: x\n    weigth: 3\n");
        e = assertThrows(BadInputException.class, () -> LaunchersFile.read(bad));
        assertTrue(e.getMessage(), e.getMessage().contains("weigth"));
    }
}
