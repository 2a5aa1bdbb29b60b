package dev.clustersweep.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SweepConfigTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void localOverridesGlobalPerBackendAndKey() throws Exception {
        Path root = tmp.getRoot().toPath();
        SweepConfig config = new SweepConfig(root.resolve("local.json"), root.resolve("global/config.json"));
        assertEquals("", config.get("slurm", "header"));
        config.set(true, "slurm", "header", "module load python");
        config.set(true, "slurm", "footer", "echo done");
        config.set(false, "slurm", "header", "module load cuda\nsource venv/bin/activate");
        assertEquals("module load cuda\nsource venv/bin/activate", config.get("slurm", "header"));
        assertEquals("echo done", config.get("slurm", "footer"));
        assertEquals("", config.get("gridengine", "header"));
        assertEquals("module load cuda\nsource venv/bin/activate", config.all().get("slurm").get("header"));
    }

    @Test
    public void badKeyWritesNothing() throws Exception {
        Path local = tmp.getRoot().toPath().resolve("local.json");
        SweepConfig config = new SweepConfig(local, tmp.getRoot().toPath().resolve("g.json"));
        try {
            config.set(false, "slurm", "prologue", "x");
            fail();
        } catch (BadInputException e) {
            assertTrue(e.getMessage().contains("'prologue'"));
        }
        assertFalse(Files.exists(local));
    }

    @Test
    public void corruptFileIsOneClearError() throws Exception {
        Path local = tmp.getRoot().toPath().resolve("local.json");
        Files.writeString(local, "{not json");
        try {
            new SweepConfig(local, tmp.getRoot().toPath().resolve("g.json")).get("slurm", "header");
            fail();
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("corrupt config file " + local));
        }
    }
}
