package dev.clustersweep.jobfile;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JobFileIndexTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String json) throws IOException {
        Path path = tmp.getRoot().toPath().resolve("jobs.json");
        Files.writeString(path, json, StandardCharsets.UTF_8);
        return path;
    }

    /** The tags JobFileReader reads for {@code ids}, null where the file has no such task. */
    private static String[] readerTags(Path path, long[] ids) {
        String[] tags = new String[ids.length];
        JobFile.forEach(path, job -> {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == job.id()) {
                    tags[i] = job.tag();
                }
            }
        });
        return tags;
    }

    /** A tag with what Python escapes: quotes, backslashes, control characters, non-ASCII, a surrogate pair. */
    private static String oddTag(long id) {
        return switch ((int) (id % 5)) {
            case 0 -> "";
            case 1 -> "x_" + id + "__lr_0.1";
            case 2 -> "quote\"back\\slash/" + id;
            case 3 -> "tab\tnewline\nbell\u0007_" + id;
            default -> "é_ü_😀_\u2028_" + id;
        };
    }

    @Test
    public void readsTheTagsOfAFileJobFileWriterWrote() throws IOException {
        Path path = tmp.getRoot().toPath().resolve("jobs.json");
        int n = 1_000;
        JobFile.write(path, LongStream.rangeClosed(1, n)
                .mapToObj(id -> new Job(id, "echo \"é\" " + id + " --tag " + oddTag(id), oddTag(id))).iterator());
        JobFileIndex index = new JobFileIndex(path);
        long[] wanted = {1, 2, 3, 4, 5, 63, 64, 65, 66, 127, 128, 129, 500, 999, 1_000};
        String[] tags = index.tags(wanted);
        for (int i = 0; i < wanted.length; i++) {
            assertEquals("task " + wanted[i], oddTag(wanted[i]), tags[i]);
        }
        assertArrayEquals(readerTags(path, wanted), tags);
        // Ids in order: an offset for every STEP-th entry, not a tag for each.
        assertEquals((n + JobFileIndex.STEP - 1) / JobFileIndex.STEP, index.indexed());

        long[] all = LongStream.rangeClosed(1, n).toArray();
        assertArrayEquals(readerTags(path, all), index.tags(all));
    }

    @Test
    public void readsTheTagsOfAHandWrittenFileWithOddWhitespaceAndEscapes() throws IOException {
        // Out of order, gaps, whitespace everywhere JSON allows it, escapes Python never writes.
        Path path = file("\n\t{ \r\n  \"10\"\t:\n[ \"echo ten\" ,\"ten\\u00e9\\ud83d\\ude00\" ] ,"
                + "\"2\":[\"echo \\\"two\\\"\",\"a\\/b\\\\c\\\"d\"],\n\n"
                + "   \"7\" : [ \"\" , \"\" ]  ,\"3\":[\"x\",\"line\\nbreak\\ttab\\u0000nul\"]\r\n}\n\n");
        long[] wanted = {1, 2, 3, 7, 10, 11};
        JobFileIndex index = new JobFileIndex(path);
        String[] tags = index.tags(wanted);
        assertArrayEquals(new String[] {null, "a/b\\c\"d", "line\nbreak\ttab\u0000nul", "", "tené😀", null}, tags);
        assertArrayEquals(readerTags(path, wanted), tags);
        assertEquals(4, index.indexed()); // out of order: every entry has its offset

        Path inOrder = file("{\"1\" :[\"a\",\"\\u0041\"],\n  \"5\": [\"b\", \"caf\\u00E9\"]  , \"6\":[\"c\",\"\\\"\"]}");
        JobFileIndex sparse = new JobFileIndex(inOrder);
        assertArrayEquals(new String[] {"A", null, "café", "\""}, sparse.tags(new long[] {1, 2, 5, 6}));
        assertEquals(1, sparse.indexed());
    }

    @Test
    public void anotherVersionOfTheFileGetsANewIndex() throws IOException {
        Path path = tmp.getRoot().toPath().resolve("jobs.json");
        JobFile.write(path, LongStream.rangeClosed(1, 200).mapToObj(id -> new Job(id, "c", "old" + id)).iterator());
        JobFileIndex index = new JobFileIndex(path);
        assertArrayEquals(new String[] {"old1", "old150"}, index.tags(new long[] {1, 150}));

        // A relaunch writes a new file and renames it in place: another file key and size.
        Path next = tmp.getRoot().toPath().resolve("jobs.json.new");
        JobFile.write(next, LongStream.rangeClosed(1, 300).mapToObj(id -> new Job(id, "cc", "new_" + id)).iterator());
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING);
        assertArrayEquals(new String[] {"new_1", "new_150", "new_300"}, index.tags(new long[] {1, 150, 300}));
        assertEquals(5, index.indexed());
    }

    @Test
    public void noJobFileHasNoTags() {
        JobFileIndex index = new JobFileIndex(tmp.getRoot().toPath().resolve("absent.json"));
        assertArrayEquals(new String[2], index.tags(new long[] {1, 2}));
        assertEquals(0, index.indexed());
        assertEquals(0, index.tags(new long[0]).length);
    }

    @Test
    public void idsMustAscend() throws IOException {
        JobFileIndex index = new JobFileIndex(file("{\"1\": [\"a\", \"t\"]}"));
        assertThrows(IllegalArgumentException.class, () -> index.tags(new long[] {2, 1}));
    }

    @Test
    public void aBadFileIsRefusedAsTheReaderRefusesIt() throws IOException {
        List<String> files = List.of(
                "[]",
                "{\"1\": \"echo\"}",
                "{\"1\": [\"echo\"]}",
                "{\"1\": [\"echo\", 3]}",
                "{\"x\": [\"echo\", \"t\"]}",
                "{\"2\": [\"a\", \"t\"], \"1\": [\"b\", \"t\"], \"2\": [\"c\", \"t\"]}",
                "{\"1\": [\"a\", \"t\"]",
                "{\"1\": [\"a\", \"t\"]} {}");
        List<String> mismatched = new ArrayList<>();
        for (String json : files) {
            Path path = file(json);
            String reader = assertThrows(BadInputException.class, () -> JobFile.forEach(path, job -> { }))
                    .getMessage();
            String index = assertThrows(BadInputException.class, () -> new JobFileIndex(path).tags(new long[] {1}))
                    .getMessage();
            assertTrue(index, index.startsWith("bad jobfile " + path + ": "));
            assertTrue(index, index.endsWith("expected a JSON object {\"1\": [command, tag], ...}"));
            if (!reader.equals(index)) {
                mismatched.add(json + "\n  reader: " + reader + "\n  index:  " + index);
            }
        }
        assertEquals(String.join("\n", mismatched), List.of(), mismatched);
    }

    @Test
    public void anEmptyObjectHasNoTasks() throws IOException {
        JobFileIndex index = new JobFileIndex(file("{ }"));
        assertNull(index.tags(new long[] {1})[0]);
    }
}
