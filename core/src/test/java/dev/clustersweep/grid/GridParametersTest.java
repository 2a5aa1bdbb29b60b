package dev.clustersweep.grid;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each task's parameters from its grid, and the grids kept beside jobs.json (grids.json). */
public class GridParametersTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void parametersFollowTheTasksOrder() {
        GridSpec spec = GridSpec.builder("python t.py", "g").posArg("a", "b").arg("--lr", "0.1", "0.3")
                .arg("--verbose").arg("seed", "1", "2").flag("--gpu").tag("--tag").build();
        Grid grid = Grid.of(spec);
        assertEquals(16, grid.size());
        assertEquals(List.of("pos1", "lr", "seed", "gpu"), grid.parameterNames());
        assertEquals(Map.of("pos1", "a", "lr", "0.1", "seed", "1", "gpu", "true"), grid.parameters(0));
        // first dimension fastest, each flag on before off, as the commands
        assertEquals(Map.of("pos1", "b", "lr", "0.3", "seed", "2", "gpu", "false"), grid.parameters(15));
        assertEquals("python t.py b --lr 0.3 --verbose seed 2 --tag g_16__b__lr_0.3__verbose__seed_2__-gpu",
                grid.job(15).command());
        assertEquals(List.of("pos1", "lr", "seed", "gpu"), List.copyOf(grid.parameters(3).keySet()));
    }

    @Test
    public void optionsThatLoseTheirDashesToOneNameKeepThem() {
        Grid grid = Grid.of(GridSpec.builder("t", "g").arg("-x", "1").arg("--x", "2").build());
        assertEquals(Map.of("x", "1", "--x", "2"), grid.parameters(0));
        assertEquals("lr", Grid.parameterName("--lr"));
        assertEquals("--", Grid.parameterName("--"));
        assertEquals("model.lr", Grid.parameterName("model.lr"));
    }

    @Test
    public void gridsJsonRoundTripsEveryPartOfASpec() throws Exception {
        Path jobs = tmp.getRoot().toPath().resolve("jobs.json");
        GridSpec spec = GridSpec.builder("python \"t.py\"\n\u00e9", "g").arg("--lr", "0.1", "'quoted' \\ x")
                .arg("--const").posArg("p", "q").flag("--gpu").tag("--run-tag").tagArgs(List.of("--lr"))
                .tagNumber(false).argMode(ArgMode.HYDRA).build();
        GridSpec plain = GridSpec.builder("true", "g").arg("--n", "1").build();
        GridFile.write(jobs, List.of(new GridFile.Entry(1, spec), new GridFile.Entry(9, plain)));
        assertEquals(List.of(new GridFile.Entry(1, spec), new GridFile.Entry(9, plain)), GridFile.read(jobs));
        assertEquals(List.of(), GridFile.read(tmp.getRoot().toPath().resolve("other/jobs.json")));
    }

    @Test
    public void aDamagedGridsJsonIsNamed() throws Exception {
        Path jobs = tmp.getRoot().toPath().resolve("jobs.json");
        Files.writeString(GridFile.beside(jobs), "{\"grids\": [{\"firstId\": 1}]}");
        BadInputException e = assertThrows(BadInputException.class, () -> GridFile.read(jobs));
        assertTrue(e.getMessage(), e.getMessage().startsWith("corrupt " + GridFile.beside(jobs)));
    }

    @Test
    public void prelaunchKeepsItsGridAndAppendAddsOne() throws Exception {
        Path work = tmp.getRoot().toPath();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Prelaunch.parse(List.of("+jobname", "p", "+command", "t", "+arg", "--lr", "1", "2", "+q")).run(work, quiet);
        Path jobs = work.resolve(".sweep/p/jobs.json");
        assertEquals(1, GridFile.read(jobs).size());
        Prelaunch.parse(List.of("+jobname", "p", "+command", "u", "+arg", "--b", "x", "+a", "+q")).run(work, quiet);
        List<GridFile.Entry> grids = GridFile.read(jobs);
        assertEquals(2, grids.size());
        assertEquals(3, grids.get(1).firstId());
        assertEquals(Map.of("b", "x"), grids.get(1).grid().parameters(0));
        // A new prelaunch (no +append) replaces the grids with its own.
        Prelaunch.parse(List.of("+jobname", "p", "+command", "v", "+arg", "--c", "1", "+q")).run(work, quiet);
        assertEquals(1, GridFile.read(jobs).size());
    }
}
