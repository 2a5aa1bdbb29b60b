package dev.clustersweep.jobfile;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.Test;

public class JobFileWriterTest {

    static String write(List<Job> jobs) throws IOException {
        StringWriter out = new StringWriter();
        try (JobFileWriter writer = new JobFileWriter(out)) {
            for (Job job : jobs) {
                writer.write(job);
            }
        }
        return out.toString();
    }

    @Test
    public void writesTheBytesOfPythonsJsonDump() throws IOException {
        List<Job> jobs = List.of(
                new Job(1, "echo 'a b' \"q\" \\ back\nnew", "tag_1"),
                new Job(2, "é ü 名 😀 \t\r\b\f\u0000\u001f\u007f / <>&", ""),
                new Job(10, "", "\u2028\ufeff\uffff"));
        // Produced once by python3 (3.11): json.dump({1: (...), 2: (...), 10: (...)}, f) with the same strings.
        String python = "{\"1\": [\"echo 'a b' \\\"q\\\" \\\\ back\\nnew\", \"tag_1\"], \"2\": [\"\\u00e9 \\u00fc \\u540d"
                + " \\ud83d\\ude00 \\t\\r\\b\\f\\u0000\\u001f\\u007f / <>&\", \"\"], \"10\": [\"\", \"\\u2028\\ufeff\\uffff\"]}";
        assertEquals(python, write(jobs));
    }

    @Test
    public void anEmptyJobfileIsAnEmptyObject() throws IOException {
        assertEquals("{}", write(List.of()));
    }

    @Test
    public void countsTheTasksWritten() throws IOException {
        StringWriter out = new StringWriter();
        JobFileWriter writer = new JobFileWriter(out);
        writer.write(new Job(3, "a", ""));
        writer.write(new Job(4, "b", ""));
        assertEquals(2, writer.count());
        writer.close();
        writer.close();
        assertEquals("{\"3\": [\"a\", \"\"], \"4\": [\"b\", \"\"]}", out.toString());
    }
}
