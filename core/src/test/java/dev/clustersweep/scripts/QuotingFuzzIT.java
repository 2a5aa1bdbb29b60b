package dev.clustersweep.scripts;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.shell.ShellQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Random hostile argument values, quoted with ShellQuote into task commands (and into --env
 * values), run through the real wrapper: the task must receive exactly these values.
 */
public class QuotingFuzzIT {

    private static final long SEED = Long.getLong("sweep.fuzz.seed", 20251121L);
    private static final int TASKS = 50;
    private static final int VALUES_PER_TASK = 20;

    private static final String[] FRAGMENTS = {
        "", " ", "  ", "'", "''", "\"", "$(", ")", "$(echo pwned)", "`id`", "`", "\\", "\\'", "\\\"", "!", "!!", "!$",
        "~", "~root", "~/x", "*", "?", "[", "]", "[a-z]", "-", "-n", "-e", "--", "--help", "\n", "\t", "\r", "\r\n",
        "\u0001", "\u001b[31m", "\u007f", "${HOME}", "$HOME", "$", "$'", "$\"x\"", "%s", "%%", "%n", "\\0", "\\x41",
        "\\n", "é", "ü", "中文", "🙂", "👨‍👩‍👧", "עברית", "العربية", "\u200f", "\u202e", "\u2028", "\u00a0",
        "\u0085", "\ufeff", "a b", ";", "&&", "|", ">", "<", "#", "=", "a=b", "{a,b}", "{1..3}", ",", "^", "@", ":",
        "&", "(", "{", "}", "\u3000",
    };

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void taskReceivesExactlyTheQuotedValues() throws Exception {
        System.out.println("QuotingFuzzIT seed: " + SEED + " (set -Dsweep.fuzz.seed=N to change)");
        Random random = new Random(SEED);
        SweepFixture sweep = new SweepFixture(tmp.getRoot().toPath());

        // --env values too: VALUES_PER_TASK of them, printed by one extra task.
        Map<String, String> env = new LinkedHashMap<>();
        StringBuilder printEnv = new StringBuilder("printf '%s\\0'");
        for (int i = 0; i < VALUES_PER_TASK; i++) {
            env.put("FUZZ_" + i, value(random));
            printEnv.append(" \"$FUZZ_").append(i).append('"');
        }
        sweep.render(new EnvironmentSetup(List.of(), List.of(), null, null, env));

        List<List<String>> values = new ArrayList<>();
        String[] commands = new String[TASKS + 1];
        for (int t = 0; t < TASKS; t++) {
            List<String> args = new ArrayList<>();
            StringBuilder command = new StringBuilder("printf '%s\\0'");
            for (int i = 0; i < VALUES_PER_TASK; i++) {
                String v = value(random);
                args.add(v);
                command.append(' ').append(ShellQuote.quote(v));
            }
            values.add(args);
            commands[t] = command.toString();
        }
        commands[TASKS] = printEnv.toString();
        values.add(List.copyOf(env.values()));
        sweep.jobs(commands);

        int checked = 0;
        for (int t = 0; t <= TASKS; t++) {
            long id = t + 1;
            assertEquals(ShellQuote.quote(commands[t]), SweepFixture.readQuoted(sweep.dir, id).orElseThrow());
            SweepFixture.Result r = sweep.wrapper(id);
            assertEquals("task " + id + ": " + r.output() + sweep.err(id, 1), 0, r.exit());
            assertEquals("task " + id + " (seed " + SEED + ")", hex(expected(values.get(t))),
                    hex(Files.readAllBytes(sweep.dir.stdout(id, 1))));
            checked += values.get(t).size();
        }
        System.out.println("QuotingFuzzIT: " + checked + " values passed through the wrapper unchanged");
        assertEquals((TASKS + 1) * VALUES_PER_TASK, checked);
    }

    /** A few fragments and random characters; never NUL (no argv can hold it) or a lone surrogate. */
    private static String value(Random random) {
        StringBuilder v = new StringBuilder();
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(3) == 0) {
                v.appendCodePoint(randomCodePoint(random));
            } else {
                v.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return v.toString();
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 1 + random.nextInt(0x7f); // ASCII, controls included
            case 1 -> 0x80 + random.nextInt(0x780); // Latin-1, C1 controls, Greek, Hebrew, Arabic
            case 2 -> 0x800 + random.nextInt(0xd800 - 0x800); // the rest of the BMP below surrogates
            case 3 -> 0xe000 + random.nextInt(0x10000 - 0xe000); // private use, specials, BOM
            default -> 0x10000 + random.nextInt(0x10ffff - 0x10000); // emoji and the other planes
        };
    }

    private static byte[] expected(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String a : args) {
            out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Hex with the text alongside, so that a failure shows where the bytes differ. */
    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff)).append(b == 0 ? "\n" : " ");
        }
        return out.toString();
    }
}
