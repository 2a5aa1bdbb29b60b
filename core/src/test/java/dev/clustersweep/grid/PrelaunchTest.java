package dev.clustersweep.grid;

import static dev.clustersweep.grid.Sweeps.parse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.jobfile.JobFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PrelaunchTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private Path work() {
        return tmp.getRoot().toPath();
    }

    private String read(String relative) throws IOException {
        return Files.readString(work().resolve(relative));
    }

    @Test
    public void writesTheJobfileAndPrintsTheCommands() throws IOException {
        Grid grid = parse("+command echo +jobname testecho +arg --test hi bye +tag").run(work(), out);
        assertEquals(2, grid.size());
        // Byte for byte what onager writes for the same prelaunch.
        assertEquals("{\"1\": [\"echo --test hi --tag testecho_1__test_hi\", \"testecho_1__test_hi\"], "
                + "\"2\": [\"echo --test bye --tag testecho_2__test_bye\", \"testecho_2__test_bye\"]}",
                read(".sweep/testecho/jobs.json"));
        assertEquals("echo --test hi --tag testecho_1__test_hi\necho --test bye --tag testecho_2__test_bye\n",
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void aLaunchedSweepsTasksAreNotReplacedButCanBeAppended() throws IOException {
        parse("+command echo +jobname done +pos-arg 1 2 +q").run(work(), out);
        Files.createDirectories(work().resolve(".sweep/done/submissions"));
        Files.writeString(work().resolve(".sweep/done/submissions/000001.json"), "{}");
        String before = read(".sweep/done/jobs.json");
        try {
            parse("+command echo +jobname done +pos-arg 3 4 +q").run(work(), out);
            org.junit.Assert.fail("replaced the tasks of a launched sweep");
        } catch (dev.clustersweep.BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("+append"));
        }
        assertEquals(before, read(".sweep/done/jobs.json"));
        parse("+command echo +jobname done +pos-arg 3 4 +q +append").run(work(), out);
        assertEquals(new JobFile.Summary(4, 4), JobFile.scan(work().resolve(".sweep/done/jobs.json")));
    }

    @Test
    public void quietPrintsNothing() throws IOException {
        parse("+command echo +jobname q +pos-arg 1 2 +q").run(work(), out);
        assertEquals(0, printed.size());
        assertEquals(new JobFile.Summary(2, 2), JobFile.scan(work().resolve(".sweep/q/jobs.json")));
    }

    @Test
    public void customJobfileWithJobnameField() throws IOException {
        Prelaunch p = parse("+command echo +jobname testecho +jobfile custom/{jobname}/customjobs.json +arg --test hi"
                + " +arg --test2 hi2 +q +tag");
        p.run(work(), out);
        assertEquals(work().resolve("custom/testecho/customjobs.json"), p.jobFile(work()));
        assertEquals("{\"1\": [\"echo --test hi --test2 hi2 --tag testecho_1__test_hi__test2_hi2\", "
                + "\"testecho_1__test_hi__test2_hi2\"]}", read("custom/testecho/customjobs.json"));
    }

    @Test
    public void appendKeepsExistingTasksAndContinuesAfterTheLargestId() throws IOException {
        Path file = work().resolve(".sweep/ap/jobs.json");
        Files.createDirectories(file.getParent());
        // A hand-written file with a gap, unicode, and pretty printing: we rewrite it as onager would.
        Files.writeString(file, "{\"1\": [\"./s x\", \"\"],\n \"7\": [\"./s \\u00e9\", \"t\"]}");
        Grid grid = parse("+command ./s +pos-arg a b c +tag +jobname ap +a").run(work(), out);
        assertEquals(8, grid.firstId());
        assertEquals("{\"1\": [\"./s x\", \"\"], \"7\": [\"./s \\u00e9\", \"t\"], \"8\": [\"./s a --tag ap_08__a\", "
                + "\"ap_08__a\"], \"9\": [\"./s b --tag ap_09__b\", \"ap_09__b\"], \"10\": [\"./s c --tag ap_10__c\", "
                + "\"ap_10__c\"]}", read(".sweep/ap/jobs.json"));
        assertEquals("./s a --tag ap_08__a\n./s b --tag ap_09__b\n./s c --tag ap_10__c\n",
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void appendingTwiceAsOnagersTest() throws IOException {
        String line = "+command echo +jobname testecho +arg --test hi +arg --test2 hi2 +q +tag";
        parse(line).run(work(), out);
        parse(line + " +a").run(work(), out);
        assertEquals("{\"1\": [\"echo --test hi --test2 hi2 --tag testecho_1__test_hi__test2_hi2\", "
                + "\"testecho_1__test_hi__test2_hi2\"], \"2\": [\"echo --test hi --test2 hi2 --tag "
                + "testecho_2__test_hi__test2_hi2\", \"testecho_2__test_hi__test2_hi2\"]}", read(".sweep/testecho/jobs.json"));
    }

    @Test
    public void appendingToAnEmptyJobfileStartsAtOne() throws IOException {
        Path file = work().resolve("e.json");
        Files.writeString(file, "{}");
        parse("+command run +jobname e +jobfile e.json +pos-arg a +a +q").run(work(), out);
        assertEquals("{\"1\": [\"run a\", \"\"]}", Files.readString(file));
    }

    @Test
    public void withoutAppendAnExistingJobfileIsReplaced() throws IOException {
        parse("+command run +jobname r +pos-arg a b +q").run(work(), out);
        parse("+command run +jobname r +pos-arg c +q").run(work(), out);
        assertEquals("{\"1\": [\"run c\", \"\"]}", read(".sweep/r/jobs.json"));
    }

    @Test
    public void appendingToACorruptJobfileWritesNothing() throws IOException {
        Path file = work().resolve("c.json");
        String corrupt = "{\"1\": [\"run a\", \"\"], \"2\": [\"run b\"]}";
        Files.writeString(file, corrupt);
        String message = assertThrows(BadInputException.class,
                () -> parse("+command run +jobname c +jobfile c.json +pos-arg z +a").run(work(), out)).getMessage();
        assertTrue(message, message.startsWith("bad jobfile " + file + ": entry \"2\""));
        assertEquals(corrupt, Files.readString(file));
        assertEquals(0, printed.size());
        try (Stream<Path> files = Files.list(work())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    public void appendingWithoutAJobfileIsBadInputAndCreatesNothing() {
        String message = assertThrows(BadInputException.class,
                () -> parse("+command run +jobname m +pos-arg z +a").run(work(), out)).getMessage();
        assertTrue(message, message.startsWith("no jobfile at "));
        assertFalse(Files.exists(work().resolve(".sweep")));
    }

    @Test
    public void manyTasksArePrintedInOrder() throws IOException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            values.append(' ').append(i);
        }
        parse("+command run +jobname many +pos-arg" + values).run(work(), out);
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(5000, lines.length);
        assertEquals("run 4999", lines[4999]);
        assertEquals(new JobFile.Summary(5000, 5000), JobFile.scan(work().resolve(".sweep/many/jobs.json")));
    }
}
