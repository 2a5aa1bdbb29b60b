package dev.clustersweep.validation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.validation.FieldCheck.Kind;
import java.util.List;
import org.junit.Test;

public class FieldChecksTest {

    /** The check has this kind and key, and its message is one line that names the value. */
    private static void check(FieldCheck check, Kind kind, String key, String named) {
        assertEquals(check.toString(), kind, check.kind());
        assertEquals(check.toString(), key, check.key());
        assertFalse(check.message(), check.message().contains("\n"));
        if (named != null) {
            assertTrue(check.message() + " should name " + named, check.message().contains(named));
        }
    }

    private static void ok(FieldCheck check) {
        check(check, Kind.OK, "ok", null);
        assertEquals("", check.message());
    }

    @Test
    public void jobName() {
        ok(FieldChecks.jobName("lr-sweep_2.b"));
        check(FieldChecks.jobName(""), Kind.ERROR, "jobName.required", null);
        check(FieldChecks.jobName(null), Kind.ERROR, "jobName.required", null);
        FieldCheck bad = FieldChecks.jobName("my sweep");
        check(bad, Kind.ERROR, "jobName.bad", "'my sweep'");
        assertEquals("bad jobname 'my sweep': expected letters, digits, '.', '_' or '-'", bad.message());
        assertEquals(List.of("my sweep", bad.message()), bad.args());
        check(FieldChecks.jobName(".."), Kind.ERROR, "jobName.bad", "'..'");
    }

    @Test
    public void backend() {
        ok(FieldChecks.backend("local"));
        check(FieldChecks.backend(""), Kind.ERROR, "backend.required", "local");
        check(FieldChecks.backend("kubernetes"), Kind.ERROR, "backend.unknown", "'kubernetes'");
    }

    @Test
    public void command() {
        ok(FieldChecks.command("python train.py --epochs 3"));
        ok(FieldChecks.command("echo '# not a comment' \"a;\" x\\;"));
        ok(FieldChecks.command("bash -c 'a && b'"));
        ok(FieldChecks.command("echo a#b"));
        check(FieldChecks.command("  "), Kind.ERROR, "command.required", null);
        check(FieldChecks.command("module load cuda\npython train.py"), Kind.WARNING, "command.multiline", null);
        check(FieldChecks.command("python train.py # the model"), Kind.WARNING, "command.comment", null);
        check(FieldChecks.command("python train.py;"), Kind.WARNING, "command.trailingOperator", "ends with ;");
        check(FieldChecks.command("cd dir &&"), Kind.WARNING, "command.trailingOperator", "ends with &&");
        check(FieldChecks.command("python train.py &"), Kind.WARNING, "command.trailingOperator", "ends with &");
        check(FieldChecks.command("python train.py | "), Kind.WARNING, "command.trailingOperator", "ends with |");
        check(FieldChecks.command("python train.py \\"), Kind.WARNING, "command.trailingOperator", "ends with \\");
    }

    @Test
    public void argMode() {
        ok(FieldChecks.argMode(""));
        ok(FieldChecks.argMode("hydra"));
        check(FieldChecks.argMode("yaml"), Kind.ERROR, "argMode.bad", "'yaml'");
    }

    @Test
    public void parameterName() {
        ok(FieldChecks.parameterName("--lr"));
        ok(FieldChecks.parameterName("model.lr"));
        check(FieldChecks.parameterName(""), Kind.ERROR, "parameter.name.required", null);
        check(FieldChecks.parameterName("--learning rate"), Kind.ERROR, "parameter.name.spaces", "'--learning rate'");
        check(FieldChecks.parameterName("--x$y"), Kind.WARNING, "parameter.name.shell", "'--x$y'");
    }

    @Test
    public void parameterValues() {
        FieldCheck three = FieldChecks.parameterValues("0.1 0.01 0.001");
        check(three, Kind.OK, "values.count", null);
        assertEquals("3 values", three.message());
        assertEquals("1 value", FieldChecks.parameterValues("'a b'").message());
        assertEquals("3 values", FieldChecks.parameterValues("1\n2\n3").message());
        check(FieldChecks.parameterValues(""), Kind.WARNING, "values.none", null);
        check(FieldChecks.parameterValues("0.1 '0.2"), Kind.ERROR, "values.bad", "'0.1 '0.2'");
        FieldCheck lines = FieldChecks.parameterValues("resnet 50\nvgg 16");
        check(lines, Kind.WARNING, "values.lines", "Line 1 holds 2 values");
        check(FieldChecks.parameterValues("a\nb c d"), Kind.WARNING, "values.lines", "Line 2 holds 3 values");
        check(FieldChecks.parameterValues("'resnet 50'\n'vgg 16'"), Kind.OK, "values.count", "2 values");
    }

    @Test
    public void positionalValues() {
        check(FieldChecks.positionalValues("a.txt b.txt"), Kind.OK, "positional.count", "2 values");
        check(FieldChecks.positionalValues(" "), Kind.WARNING, "positional.empty", null);
        check(FieldChecks.positionalValues("\"x"), Kind.ERROR, "values.bad", "'\"x'");
    }

    @Test
    public void flags() {
        ok(FieldChecks.flags(""));
        assertEquals("2 flags: 4 times the tasks", FieldChecks.flags("--fast --amp").message());
        assertEquals("1 flag: twice the tasks", FieldChecks.flags("--fast").message());
        check(FieldChecks.flags("'--x"), Kind.ERROR, "flags.bad", "'--x");
    }

    @Test
    public void tagNameAndArgs() {
        check(FieldChecks.tagName(""), Kind.OK, "tag.default", "--tag");
        ok(FieldChecks.tagName("--run-tag"));
        check(FieldChecks.tagName("--run tag"), Kind.ERROR, "tag.spaces", "'--run tag'");
        check(FieldChecks.tagName("--tag;"), Kind.WARNING, "tag.shell", "'--tag;'");
        ok(FieldChecks.tagArgs("--lr", List.of("--lr", "--seed")));
        ok(FieldChecks.tagArgs("", List.of("--lr")));
        ok(FieldChecks.tagArgs("--anything", null));
        check(FieldChecks.tagArgs("--lr --model", List.of("--lr", "--seed")), Kind.ERROR, "tagArgs.unknown",
                "'--model' is not a parameter name: expected some of --lr --seed");
        check(FieldChecks.tagArgs("'x", null), Kind.ERROR, "tagArgs.bad", "'x");
    }

    @Test
    public void taskList() {
        check(FieldChecks.taskList("", 10L), Kind.OK, "tasks.all", null);
        check(FieldChecks.taskList("1-3, 5", 10L), Kind.OK, "tasks.count", "4 tasks");
        check(FieldChecks.taskList("7", null), Kind.OK, "tasks.count.one", "1 task");
        check(FieldChecks.taskList("1-x", 10L), Kind.ERROR, "tasks.bad", "'1-x'");
        check(FieldChecks.taskList("5-12", 10L), Kind.ERROR, "tasks.outOfRange", "'5-12'");
        assertTrue(FieldChecks.taskList("5-12", 10L).message().contains("11-12"));
        check(FieldChecks.taskList("100000", null), Kind.OK, "tasks.count.one", "1 task");
    }

    @Test
    public void wholeNumbers() {
        check(FieldChecks.cpus(""), Kind.OK, "number.default", "Default: 1.");
        ok(FieldChecks.cpus("8"));
        ok(FieldChecks.cpus(" 4096 "));
        check(FieldChecks.cpus("0"), Kind.ERROR, "number.range", "0 is out of range: expected 1 to 4096");
        check(FieldChecks.cpus("4097"), Kind.ERROR, "number.range", "4097");
        check(FieldChecks.cpus("2.5"), Kind.ERROR, "number.notWhole", "'2.5' is not a whole number");
        assertEquals(List.of("2.5", "1", "4096"), FieldChecks.cpus("2.5").args());
        check(FieldChecks.cpus("-1"), Kind.ERROR, "number.range", "-1 is out of range: expected 1 to 4096");
        check(FieldChecks.killGrace("-1"), Kind.ERROR, "number.range", "-1 is out of range: expected 1 to 3600");
        check(FieldChecks.cpus("99999999999999999999999"), Kind.ERROR, "number.range", "99999999999999999999999");
        ok(FieldChecks.gpus("0"));
        check(FieldChecks.gpus("257"), Kind.ERROR, "number.range", "257");
        ok(FieldChecks.maxTasks("0"));
        check(FieldChecks.maxTasks("1000001"), Kind.ERROR, "number.range", "1000001");
        ok(FieldChecks.tasksPerNode("4"));
        check(FieldChecks.tasksPerNode("0"), Kind.ERROR, "number.range", "0");
        ok(FieldChecks.maxTasksPerNode("2", "4"));
        ok(FieldChecks.maxTasksPerNode("0", "4"));
        check(FieldChecks.maxTasksPerNode("", "4"), Kind.OK, "number.default", "0");
        check(FieldChecks.maxTasksPerNode("8", "4"), Kind.WARNING, "maxTasksPerNode.aboveTasksPerNode",
                "Only 4 tasks are packed");
        check(FieldChecks.maxTasksPerNode("8", ""), Kind.WARNING, "maxTasksPerNode.aboveTasksPerNode", "Only 1 tasks");
        ok(FieldChecks.maxTasksPerNode("8", "x")); // the other field shows its own error
        check(FieldChecks.killGrace("0"), Kind.ERROR, "number.range", "0");
        check(FieldChecks.signalBefore("60s"), Kind.ERROR, "number.notWhole", "'60s'");
        assertEquals(8, WholeNumber.CPUS.parseInt("8"));
        assertEquals(1, WholeNumber.CPUS.parseInt(" "));
        try {
            WholeNumber.CPUS.parse("0");
            org.junit.Assert.fail();
        } catch (dev.clustersweep.BadInputException e) {
            assertEquals("bad --cpus '0': expected a whole number from 1 to 4096", e.getMessage());
        }
    }

    @Test
    public void mem() {
        check(FieldChecks.mem(""), Kind.OK, "mem.default", null);
        check(FieldChecks.mem("500M"), Kind.OK, "mem.ok", "500 MB");
        check(FieldChecks.mem("4g"), Kind.OK, "mem.ok", "4096 MB");
        check(FieldChecks.mem("4"), Kind.WARNING, "mem.bareNumber", "4 is 4096 MB");
        check(FieldChecks.mem("lots"), Kind.ERROR, "mem.bad", "'lots'");
        check(FieldChecks.mem("0G"), Kind.ERROR, "mem.bad", "'0G'");
    }

    @Test
    public void duration() {
        check(FieldChecks.duration(""), Kind.OK, "duration.none", null);
        check(FieldChecks.duration("0-01:30:00"), Kind.OK, "duration.ok", "1h 30m 00s");
        check(FieldChecks.duration("90s"), Kind.OK, "duration.ok", "1m 30s");
        check(FieldChecks.duration("90"), Kind.WARNING, "duration.bareNumber", "90 is 1h 30m 00s");
        check(FieldChecks.duration("1 hour"), Kind.ERROR, "duration.bad", "'1 hour'");
        check(FieldChecks.duration("0"), Kind.ERROR, "duration.bad", "'0'");
    }

    @Test
    public void schedulerNames() {
        ok(FieldChecks.partition("gpu"));
        ok(FieldChecks.partition("gpu,cpu"));
        ok(FieldChecks.account(""));
        ok(FieldChecks.qos("normal"));
        ok(FieldChecks.queue("all.q"));
        check(FieldChecks.partition("gpu\nx"), Kind.ERROR, "name.control", "'gpu\\nx'");
        check(FieldChecks.partition("gpu long"), Kind.WARNING, "name.spaces", "'gpu long'");
        check(FieldChecks.account("-A"), Kind.WARNING, "name.dash", "'-A'");
        check(FieldChecks.qos("$QOS"), Kind.WARNING, "name.shell", "'$QOS' contains $");
        check(FieldChecks.queue("all.q;x"), Kind.WARNING, "name.shell", "contains ;");
    }

    @Test
    public void envName() {
        ok(FieldChecks.envName("OMP_NUM_THREADS"));
        check(FieldChecks.envName(""), Kind.ERROR, "env.required", null);
        check(FieldChecks.envName("1X"), Kind.ERROR, "env.bad", "'1X'");
        check(FieldChecks.envName("MY-VAR"), Kind.ERROR, "env.bad", "'MY-VAR'");
        check(FieldChecks.envName("SWEEP_TASK_ID"), Kind.ERROR, "env.bad", "SWEEP_TASK_ID cannot be set");
    }

    @Test
    public void venv() {
        ok(FieldChecks.venv(""));
        check(FieldChecks.venv("/opt/venvs/torch"), Kind.OK, "venv.absolute", null);
        check(FieldChecks.venv(".venv"), Kind.OK, "venv.relative", null);
        check(FieldChecks.venv("~/venv"), Kind.WARNING, "venv.tilde", "'~/venv'");
        check(FieldChecks.venv("/opt/v/bin/activate"), Kind.WARNING, "venv.activate", "/opt/v");
        check(FieldChecks.venv("venv/bin/activate.fish"), Kind.WARNING, "venv.activate", ": venv.");
        check(FieldChecks.venv("a\tb"), Kind.ERROR, "venv.control", null);
    }

    @Test
    public void everyTemplateRenders() {
        for (String key : FieldCheck.keys()) {
            String text = FieldCheck.english(key, "VALUE", 2L, 3L);
            assertFalse(key + ": " + text, text.contains("''"));
            assertFalse(key + ": " + text, text.contains("{"));
        }
        assertTrue(FieldCheck.keys().size() > 40);
    }

    @Test(expected = IllegalArgumentException.class)
    public void unknownKeysAreABug() {
        FieldCheck.error("no.such.key");
    }
}
