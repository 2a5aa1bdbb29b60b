package dev.clustersweep.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SpecFileTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String name, String text) throws IOException {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private String error(Path file) {
        return assertThrows(BadInputException.class, () -> fromFile(file)).getMessage();
    }

    /** A spec file alone, checked as a whole sweep, as the Pipeline step takes it. */
    private static SweepSettings fromFile(Path file) {
        return SettingsBinder.fromFile(file, SweepSettings.NONE, Caller.PIPELINE);
    }

    private static SweepSettings fromFile(Path file, Map<String, ?> stepArguments) {
        return SettingsBinder.fromFile(file, SettingsBinder.bind(stepArguments, Caller.PIPELINE), Caller.PIPELINE);
    }

    private static final String YAML = """
            command: python train.py
            jobName: lr-sweep
            args:
              seed: [1, 2]
              lr: [0.10, 1e-4, '0.3']
              --fp16: []
            flags: [--amp]
            tag: true
            cpus: 2
            mem: 4G
            duration: 0-02:00:00
            env:
              WANDB_MODE: offline
            setup: |
              module load cuda
              echo ready
            retries: 1
            failOn: UNSTABLE
            wait: false
            """;

    @Test
    public void yamlKeepsOrderAndTheTextOfNumbers() throws IOException {
        SweepSettings s = fromFile(file("sweep.yaml", YAML));
        assertEquals(List.of("seed", "lr", "--fp16"), new ArrayList<>(s.get(Settings.ARGS).keySet()));
        assertEquals(List.of("0.10", "1e-4", "0.3"), s.get(Settings.ARGS).get("lr"));
        assertEquals(List.of("1", "2"), s.get(Settings.ARGS).get("seed"));
        assertEquals("python train.py --seed 1 --lr 0.10 --fp16 --amp --tag lr-sweep_01__seed_1__lr_0.10__fp16__+amp",
                s.grid().job(0).command());
        assertEquals(Integer.valueOf(2), s.get(Settings.CPUS));
        assertEquals(List.of("module load cuda", "echo ready", ""), s.get(Settings.SETUP));
        assertEquals(Map.of("WANDB_MODE", "offline"), s.get(Settings.ENV));
        assertEquals(Integer.valueOf(1), s.get(Settings.RETRIES));
        assertEquals(FailOn.UNSTABLE, s.failOn());
        assertFalse(s.get(Settings.WAIT));
    }

    @Test
    public void jsonIsTheSame() throws IOException {
        SweepSettings json = fromFile(file("sweep.json", """
                {"command": "python train.py", "jobName": "lr-sweep",
                 "args": {"seed": [1, 2], "lr": [0.10, 1e-4, "0.3"], "--fp16": []},
                 "flags": ["--amp"], "tag": true, "cpus": 2, "mem": "4G", "duration": "0-02:00:00",
                 "env": {"WANDB_MODE": "offline"}, "setup": "module load cuda\\necho ready\\n",
                 "retries": 1, "failOn": "UNSTABLE", "wait": false}
                """));
        assertEquals(fromFile(file("sweep.yml", YAML)), json);
    }

    @Test
    public void stepArgumentsOverrideWholeFields() throws IOException {
        Path f = file("sweep.yaml", YAML);
        SweepSettings s = fromFile(f, Map.of("args", Map.of("lr", List.of(1)), "cpus", 8, "wait", true));
        assertEquals(List.of("lr"), new ArrayList<>(s.get(Settings.ARGS).keySet()));
        assertEquals(Integer.valueOf(8), s.get(Settings.CPUS));
        assertTrue(s.get(Settings.WAIT));
        assertEquals("4G", s.get(Settings.MEM));
    }

    @Test
    public void unknownFieldNamesTheFile() throws IOException {
        assertTrue(error(file("x.yaml", "command: a\njobName: b\ncpu: 3\n"))
                .startsWith("spec file x.yaml: unknown field 'cpu' (did you mean 'cpus'?): expected one of"));
    }

    @Test
    public void wrongTypeNamesTheFileAndField() throws IOException {
        assertEquals("spec file x.yaml: bad cpus 'many': expected a whole number of 1 or more",
                error(file("x.yaml", "command: a\njobName: b\ncpus: many\n")));
        assertTrue(error(file("x.json", "{\"command\": \"a\", \"jobName\": \"b\", \"args\": [1]}"))
                .startsWith("spec file x.json: bad args '[1]' (a list): expected a map"));
    }

    @Test
    public void crossFieldErrorsNameTheFileToo() throws IOException {
        assertEquals("spec file x.yaml with the pipeline's settings: bad tasks '5': the grid has tasks 1-2, so 5 do not exist",
                assertThrows(BadInputException.class, () -> fromFile(
                        file("x.yaml", "command: a\njobName: b\nargs: {n: [1, 2]}\n"), Map.of("tasks", "5")))
                        .getMessage());
    }

    @Test
    public void badFiles() throws IOException {
        assertTrue(error(file("x.txt", "command: a")).startsWith("bad spec file name 'x.txt'"));
        assertTrue(error(tmp.getRoot().toPath().resolve("none.yaml")).contains("does not exist"));
        assertTrue(error(file("e.yaml", "")).startsWith("spec file e.yaml is empty"));
        assertTrue(error(file("l.yaml", "- a\n- b\n")).startsWith("spec file l.yaml holds a list: expected a map"));
        assertTrue(error(file("bad.json", "{\"command\": ")).startsWith("spec file bad.json is not valid JSON"));
        assertTrue(error(file("bad.yaml", "command: [a\n")).startsWith("spec file bad.yaml is not valid YAML"));
        assertTrue(error(file("dup.yaml", "command: a\ncommand: b\njobName: c\n")).contains("gives 'command' twice"));
    }
}
