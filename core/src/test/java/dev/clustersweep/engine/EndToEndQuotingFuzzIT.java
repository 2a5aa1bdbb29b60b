package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.grid.Prelaunch;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.state.TaskState;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Random argument values go through the whole path a user's values take — prelaunch grid, jobs.json,
 * command chunks, wrapper.sh, bash — and must reach the task's argv unchanged.
 */
public class EndToEndQuotingFuzzIT {

    private static final int TASKS = 50;
    private static final int VALUES_PER_TASK = 21;
    private static final String[] PIECES = {" ", "  ", "'", "\"", "$", "$(", ")", "`", "\\", "\n", "\t", "*", "?",
        "[", "]", "{", "}", "{a,b}", "~", "!", "#", "&", ";", "|", "<", ">", "-", "--", "=", "%", "^", "é", "日本",
        "🙂", "\u200f", "\u2028", "$HOME", "$(echo pwned)", "`id`", "a", "b", "0", "x y", "\r"};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    @Test
    public void randomValuesReachTheTaskUnchanged() throws Exception {
        long seed = Long.getLong("sweep.fuzz.seed", 20261121L);
        Random random = new Random(seed);
        Path work = tmp.getRoot().toPath();
        List<List<String>> expected = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int task = 0; task < TASKS; task++) {
            // One task per prelaunch (+append): each +arg has one value, the +pos-arg one value.
            GridSpec.Builder grid = GridSpec.builder("printf '%s\\0'", "fuzz")
                    .argMode(task % 2 == 0 ? ArgMode.ARGPARSE : ArgMode.HYDRA);
            List<String> argv = new ArrayList<>();
            String positional = value(random);
            grid.posArg(positional);
            argv.add(positional);
            for (int i = 1; i < VALUES_PER_TASK; i++) {
                String name = "--a" + i;
                String value = value(random);
                grid.arg(name, value);
                if (task % 2 == 0) {
                    argv.add(name);
                    argv.add(value);
                } else {
                    argv.add(name + "=" + value);
                }
            }
            new Prelaunch(grid.build(), Path.of(".sweep/fuzz/jobs.json"), task > 0, true).run(work, quiet);
            expected.add(argv);
        }
        Sweep sweep = Sweep.open(work, "fuzz");
        Resources resources = Resources.defaults();
        sweep.launch(new LaunchRequest(null, null, null, false,
                new LaunchOptions("local", resources, 2, 1, 0, EnvironmentSetup.NONE, 2), false));
        SweepStatus status = Waiting.untilEnded(sweep);
        assertEquals("seed " + seed + ": " + status.summary(), TASKS, status.count(TaskState.SUCCEEDED));
        for (int task = 0; task < TASKS; task++) {
            byte[] out = Files.readAllBytes(sweep.directory().stdout(task + 1, 1));
            String text = new String(out, StandardCharsets.UTF_8);
            List<String> argv = Arrays.asList(text.split("\0", -1)).subList(0, text.split("\0", -1).length - 1);
            assertEquals("seed " + seed + ", task " + (task + 1), expected.get(task), argv);
        }
    }

    private static String value(Random random) {
        if (random.nextInt(40) == 0) {
            return "";
        }
        StringBuilder value = new StringBuilder();
        int pieces = 1 + random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            } else {
                value.appendCodePoint(randomCodePoint(random));
            }
        }
        return value.toString();
    }

    private static int randomCodePoint(Random random) {
        while (true) {
            int cp = random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x2ff00) : 0x20 + random.nextInt(0x5f);
            if (Character.isDefined(cp) && !Character.isSurrogate((char) cp) && Character.getType(cp)
                    != Character.PRIVATE_USE && cp != 0x7f) {
                return cp;
            }
        }
    }
}
