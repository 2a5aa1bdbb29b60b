package dev.clustersweep.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.ArgMode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Step arguments as a Pipeline script hands them over: Groovy's number types, GStrings, ordered maps. */
public class SettingsBinderTest {

    /** A stand-in for Groovy's GString: a CharSequence that is not a String. */
    private static CharSequence gstring(String text) {
        return new StringBuilder(text);
    }

    private static Map<String, Object> base() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "python train.py");
        m.put("jobName", "lr-sweep");
        return m;
    }

    private static Map<String, Object> with(Object... pairs) {
        Map<String, Object> m = base();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** What the Pipeline step does with its arguments: bind, then check the whole sweep. */
    private static SweepSettings fromMap(Map<String, ?> m) {
        return SettingsBinder.bind(m, Caller.PIPELINE).checkSweep(Caller.PIPELINE);
    }

    private static String error(Map<String, Object> m) {
        return assertThrows(BadInputException.class, () -> fromMap(m)).getMessage();
    }

    @Test
    public void defaults() {
        SweepSettings s = fromMap(base());
        assertTrue(s.get(Settings.ARGS).isEmpty());
        assertTrue(s.get(Settings.TAG_NUMBER));
        assertTrue(s.get(Settings.WAIT));
        assertEquals(Integer.valueOf(0), s.get(Settings.RETRIES));
        assertEquals(FailOn.FAILURE, s.failOn());
        assertEquals(ArgMode.ARGPARSE, s.gridSpec().argMode());
        assertNull(s.get(Settings.TAG));
        assertEquals("local", s.get(Settings.BACKEND));
        assertFalse(s.has(Settings.BACKEND));
        assertNull(s.taskList());
        assertEquals(1, s.grid().size());
    }

    @Test
    public void groovyNumbersBecomeTheTextTheyWereWrittenAs() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("lr", List.of(new BigDecimal("0.1"), new BigDecimal("0.10"), new BigDecimal("1E-4"), 0.1d, 1e-7d,
                3.0d, 0.3f));
        args.put("seed", List.of(1, 2L, new BigInteger("12345678901234567890"), (short) 4));
        args.put("model", List.of(gstring("resnet"), "vit", true));
        SweepSettings s = fromMap(with("args", args));
        assertEquals(List.of("0.1", "0.10", "0.0001", "0.1", "1e-07", "3.0", "0.3"), s.get(Settings.ARGS).get("lr"));
        assertEquals(List.of("1", "2", "12345678901234567890", "4"), s.get(Settings.ARGS).get("seed"));
        assertEquals(List.of("resnet", "vit", "true"), s.get(Settings.ARGS).get("model"));
    }

    @Test
    public void argsKeepTheirOrderAndDecideTheCommand() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("seed", List.of(1, 2));
        args.put("lr", List.of(new BigDecimal("0.1"), new BigDecimal("0.3")));
        SweepSettings s = fromMap(with("args", args));
        assertEquals(List.of("seed", "lr"), new ArrayList<>(s.get(Settings.ARGS).keySet()));
        assertEquals("python train.py --seed 1 --lr 0.1", s.grid().job(0).command());
        assertEquals("python train.py --seed 2 --lr 0.1", s.grid().job(1).command());
        assertEquals("python train.py --seed 1 --lr 0.3", s.grid().job(2).command());
    }

    @Test
    public void aSingleValueIsAListOfOneAndAnEmptyListIsASwitch() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("epochs", 10);
        args.put("--fp16", List.of());
        SweepSettings s = fromMap(with("args", args));
        assertEquals("python train.py --epochs 10 --fp16", s.grid().job(0).command());
    }

    @Test
    public void hydraNamesStayAsWritten() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("optim.lr", List.of(new BigDecimal("0.1")));
        SweepSettings s = fromMap(with("args", args, "argMode", "hydra"));
        assertEquals("python train.py optim.lr=0.1", s.grid().job(0).command());
    }

    @Test
    public void tagMayBeABooleanOrAName() {
        Map<String, Object> args = Map.of("lr", List.of(1));
        assertEquals("--tag", fromMap(with("args", args, "tag", true)).gridSpec().tagName());
        assertEquals("--tag", fromMap(with("args", args, "tag", "true")).gridSpec().tagName());
        assertNull(fromMap(with("args", args, "tag", false)).gridSpec().tagName());
        assertEquals("--run-tag", fromMap(with("args", args, "tag", "run-tag")).gridSpec().tagName());
        SweepSettings s = fromMap(with("args", args, "tag", true, "tagArgs", List.of("lr"), "tagNumber", "false"));
        assertEquals("python train.py --lr 1 --tag lr-sweep__lr_1", s.grid().job(0).command());
    }

    @Test
    public void numbersAndStringsForNumericFields() {
        SweepSettings s = fromMap(with("args", Map.of("x", List.of(1, 2, 3)), "cpus", "4", "gpus", 1L, "maxTasks", new BigDecimal("8"), "retries",
                2.0d, "mem", 4, "duration", gstring("2h"), "tasks", List.of(1, 3), "wait", "false",
                "failOn", "unstable"));
        assertEquals(Integer.valueOf(4), s.get(Settings.CPUS));
        assertEquals(Integer.valueOf(1), s.get(Settings.GPUS));
        assertEquals(Integer.valueOf(8), s.get(Settings.MAX_TASKS));
        assertEquals(Integer.valueOf(2), s.get(Settings.RETRIES));
        assertEquals("4", s.get(Settings.MEM));
        assertEquals("2h", s.get(Settings.DURATION));
        assertEquals("1,3", s.get(Settings.TASKS));
        assertFalse(s.get(Settings.WAIT));
        assertEquals(FailOn.UNSTABLE, s.failOn());
    }

    @Test
    public void setupAcceptsLinesOrOneMultiLineString() {
        assertEquals(List.of("module load cuda", "echo hi"),
                fromMap(with("setup", "module load cuda\necho hi")).get(Settings.SETUP));
        assertEquals(List.of("a", "b"), fromMap(with("setup", List.of("a", "b"))).get(Settings.SETUP));
    }

    @Test
    public void unknownFieldIsNamedWithASuggestion() {
        String message = error(with("cpu", 4));
        assertTrue(message, message.startsWith("unknown argument 'cpu' (did you mean 'cpus'?): expected one of command,"));
    }

    @Test
    public void wrongTypesNameTheFieldAndTheValue() {
        assertEquals("bad cpus 'four': expected a whole number of 1 or more", error(with("cpus", "four")));
        assertEquals("bad cpus '0': expected a whole number of 1 or more", error(with("cpus", 0)));
        assertEquals("bad cpus '2.5': expected a whole number of 1 or more", error(with("cpus", new BigDecimal("2.5"))));
        assertEquals("bad retries '-1': expected a whole number of 0 or more", error(with("retries", -1)));
        assertEquals("bad wait 'maybe': expected true or false", error(with("wait", "maybe")));
        assertTrue(error(with("args", List.of("lr"))).startsWith("bad args '[lr]' (a list): expected a map"));
        assertTrue(error(with("args", Map.of("lr", List.of(List.of(1))))).startsWith("bad args 'lr': item 1"));
        assertTrue(error(with("partition", List.of("a", "b"))).startsWith("bad partition '[a, b]' (a list): expected a single value"));
        assertEquals("bad failOn 'ABORTED': expected FAILURE or UNSTABLE", error(with("failOn", "ABORTED")));
        assertEquals("bad arg mode 'fire': expected argparse or hydra", error(with("argMode", "fire")));
    }

    @Test
    public void missingRequiredFields() {
        Map<String, Object> m = base();
        m.remove("command");
        assertTrue(error(m).startsWith("missing command: expected"));
        m = base();
        m.remove("jobName");
        assertTrue(error(m).startsWith("missing jobName: expected"));
        assertTrue(error(with("jobName", "a b")).startsWith("bad jobname 'a b'"));
    }

    @Test
    public void badValuesAreCaughtBeforeAnythingRuns() {
        assertTrue(error(with("backend", "pbs")).startsWith("unknown backend 'pbs': expected one of local"));
        assertTrue(error(with("duration", "soon")).startsWith("bad duration 'soon'"));
        assertTrue(error(with("mem", "lots")).startsWith("bad mem 'lots'"));
        assertTrue(error(with("env", Map.of("1X", "y"))).startsWith("bad environment variable name '1X'"));
        assertTrue(error(with("env", Map.of("SWEEP_TASK_ID", "y"))).contains("cannot be set"));
        assertTrue(error(with("tasks", "1-")).startsWith("bad tasks: "));
        assertEquals("bad tasks '2-4': the grid has tasks 1-2, so 3-4 do not exist",
                error(with("args", Map.of("lr", List.of(1, 2)), "tasks", "2-4")));
        assertTrue(error(with("posArgs", List.of(List.of()))).startsWith("bad posArgs item 1: it has no values"));
        assertTrue(error(with("tagArgs", List.of("lr"), "tag", true)).startsWith("bad +tag-args name '--lr'"));
        assertTrue(error(with("args", Map.of("lr", List.of()), "extra", 1)).contains("did you mean 'extraOptions'"));
    }

    @Test
    public void boundValuesAreJdkTypesThatBindAgain() {
        Map<String, Object> m = with("argMode", "HYDRA", "failOn", "unstable", "args", Map.of("x", List.of(1)),
                "cpus", "2");
        SweepSettings s = fromMap(m);
        assertEquals("hydra", s.given().get("argMode"));
        assertEquals("UNSTABLE", s.given().get("failOn"));
        assertEquals(2, s.given().get("cpus"));
        assertEquals(s, fromMap(s.given()));
        assertTrue(assertThrows(BadInputException.class, () -> SettingsBinder.bind(Map.of("nope", 1), Caller.PIPELINE))
                .getMessage().startsWith("unknown argument 'nope'"));
    }

    @Test
    public void messagesNameSettingsInTheCallersWords() {
        Map<String, Object> grace = Map.of("killGrace", "-1");
        assertEquals("bad --kill-grace '-1': expected a whole number of 1 or more",
                assertThrows(BadInputException.class, () -> SettingsBinder.bind(grace, Caller.COMMAND_LINE)).getMessage());
        assertEquals("bad killGrace '-1': expected a whole number of 1 or more",
                assertThrows(BadInputException.class, () -> SettingsBinder.bind(grace, Caller.PIPELINE)).getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> SettingsBinder.bind(Map.of("mem", "4X"),
                Caller.COMMAND_LINE)).getMessage().startsWith("bad --mem '4X'"));
        assertTrue(assertThrows(BadInputException.class, () -> SettingsBinder.bind(Map.of("jobName", "x"),
                Caller.COMMAND_LINE).checkSweep(Caller.COMMAND_LINE)).getMessage().startsWith("missing --command"));
    }

    @Test
    public void everySettingIsDeclaredOnceWithAnOptionOfItsOwn() {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> options = new java.util.HashSet<>();
        for (Setting<?> setting : Settings.ALL) {
            assertTrue(setting.name(), names.add(setting.name()));
            assertTrue(setting.name(), setting.option() == null || options.add(setting.option()));
            assertFalse(setting.name(), setting.description().isBlank());
        }
        assertEquals(Settings.ALL.size(), Settings.names().size());
    }

    @Test
    public void specTravelsThroughJavaSerialization() throws Exception {
        SweepSettings s = fromMap(with("args", Map.of("lr", List.of(1, 2)), "env", Map.of("A", "b")));
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(s, in.readObject());
        }
    }
}
