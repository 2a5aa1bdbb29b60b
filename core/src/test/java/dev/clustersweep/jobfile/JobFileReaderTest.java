package dev.clustersweep.jobfile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JobFileReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String json) throws IOException {
        Path path = tmp.newFile("jobs.json").toPath();
        Files.writeString(path, json, StandardCharsets.UTF_8);
        return path;
    }

    private static List<Job> readAll(Path path) {
        List<Job> jobs = new ArrayList<>();
        JobFile.forEach(path, jobs::add);
        return jobs;
    }

    private static String error(Path path) {
        return assertThrows(BadInputException.class, () -> readAll(path)).getMessage();
    }

    @Test
    public void readsOnagersFileInFileOrder() throws IOException {
        // As onager writes it: python json.dump, ensure_ascii escapes, ids as strings.
        Path path = file("{\"2\": [\"echo --lr 0.1 --tag x_2__lr_0.1\", \"x_2__lr_0.1\"], "
                + "\"1\": [\"echo \\u00e9 \\ud83d\\ude00\", \"\"]}");
        assertEquals(List.of(new Job(2, "echo --lr 0.1 --tag x_2__lr_0.1", "x_2__lr_0.1"), new Job(1, "echo é 😀", "")),
                readAll(path));
    }

    @Test
    public void readsCompactAndPrettyJsonAlike() throws IOException {
        Path path = file("{\n  \"1\":[\"a\",\"\"],\n  \"7\" : [ \"b\" , \"t\" ]\n}\n");
        assertEquals(List.of(new Job(1, "a", ""), new Job(7, "b", "t")), readAll(path));
    }

    @Test
    public void roundTripsThroughOurWriter() throws IOException {
        List<Job> jobs = List.of(new Job(1, "a 'b' \"c\" \\ \n é 😀 \u0001", "t\u2028"), new Job(5, "", ""));
        Path path = file(JobFileWriterTest.write(jobs));
        assertEquals(jobs, readAll(path));
    }

    @Test
    public void scanCountsAndFindsTheLargestId() throws IOException {
        Path path = file("{\"3\": [\"a\", \"\"], \"10\": [\"b\", \"\"], \"4\": [\"c\", \"\"]}");
        assertEquals(new JobFile.Summary(3, 10), JobFile.scan(path));
        assertEquals(11, JobFile.scan(path).nextId());
        assertEquals(new JobFile.Summary(0, 0), JobFile.scan(file2("{}")));
    }

    private Path file2(String json) throws IOException {
        Path path = tmp.newFile().toPath();
        Files.writeString(path, json);
        return path;
    }

    @Test
    public void looksUpGivenIds() throws IOException {
        Path path = file("{\"1\": [\"a\", \"\"], \"2\": [\"b\", \"\"], \"3\": [\"c\", \"\"]}");
        Map<Long, Job> found = JobFile.lookup(path, List.of(3L, 1L, 99L));
        assertEquals(List.of(1L, 3L), List.copyOf(found.keySet()));
        assertEquals("c", found.get(3L).command());
    }

    @Test
    public void readsLazily() throws IOException {
        Path path = file("{\"1\": [\"a\", \"\"], \"x\": 5}");
        try (JobFileReader reader = JobFile.open(path)) {
            assertTrue(reader.hasNext());
            assertEquals("a", reader.next().command());
            // The bad entry is only met when reading on.
            assertThrows(BadInputException.class, reader::hasNext);
        }
    }

    @Test
    public void aMissingFileIsBadInput() {
        Path path = tmp.getRoot().toPath().resolve("nope.json");
        String message = assertThrows(BadInputException.class, () -> JobFile.scan(path)).getMessage();
        assertTrue(message, message.contains("no jobfile at " + path));
    }

    @Test
    public void corruptFilesNameTheFileAndWhatIsExpected() throws IOException {
        String[][] cases = {
            {"", "it is empty"},
            {"{\"1\": [\"a\", \"\"], }", "not valid JSON at line 1"},
            {"[]", "does not start with '{'"},
            {"{\"1\": [\"a\", \"\"]", "not valid JSON"},
            {"{\"1\": [\"a\", \"\"]} {}", "more after the closing"},
            {"{\"1\": [\"a\", \"\"]} x", "not valid JSON"},
            {"{\"one\": [\"a\", \"\"]}", "task id \"one\" is not a positive integer"},
            {"{\"0\": [\"a\", \"\"]}", "task id \"0\" is not a positive integer"},
            {"{\"-1\": [\"a\", \"\"]}", "task id \"-1\""},
            {"{\"1.5\": [\"a\", \"\"]}", "task id \"1.5\""},
            {"{\"1\": \"echo\"}", "entry \"1\" is not a 2-element array of strings"},
            {"{\"1\": [\"echo\"]}", "entry \"1\""},
            {"{\"1\": [\"echo\", \"t\", \"x\"]}", "entry \"1\""},
            {"{\"1\": [\"echo\", 5]}", "entry \"1\""},
            {"{\"1\": [\"echo\", null]}", "entry \"1\""},
            {"{\"1\": [\"a\", \"\"], \"01\": [\"b\", \"\"]}", "task id \"01\" appears twice"},
        };
        for (String[] c : cases) {
            Path path = tmp.newFile().toPath();
            Files.writeString(path, c[0]);
            String message = error(path);
            assertTrue(message, message.startsWith("bad jobfile " + path + ": "));
            assertTrue(message, message.contains(c[1]));
            assertTrue(message, message.endsWith("expected a JSON object {\"1\": [command, tag], ...}"));
            assertFalse(message, message.contains("\n"));
        }
    }

    @Test
    public void hugeIdsAreTrackedToo() throws IOException {
        Path path = file("{\"123456789012\": [\"a\", \"\"], \"123456789012\": [\"b\", \"\"]}");
        assertTrue(error(path).contains("appears twice"));
    }

    @Test
    public void iteratorEndsCleanly() throws IOException {
        Path path = file("{\"1\": [\"a\", \"\"]}");
        Iterator<Job> reader = JobFile.open(path);
        reader.next();
        assertFalse(reader.hasNext());
        assertFalse(reader.hasNext());
    }
}
