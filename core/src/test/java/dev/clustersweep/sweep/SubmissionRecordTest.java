package dev.clustersweep.sweep;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Submission records as a sweep reads them: those written before causes were kept, and causes it does not know. */
public class SubmissionRecordTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String RECORD = "{\"number\": 1, \"backend\": \"local\", \"submittedAtMillis\": 1, "
            + "\"tasks\": \"1-2\", \"launcher\": {\"host\": \"h\", \"pid\": 1, \"startedAtMillis\": 1, "
            + "\"instance\": \"i\"}, \"jobs\": [{\"jobId\": \"local\", \"tasks\": \"1-2\", \"offset\": 0, "
            + "\"groupSize\": 1}]";

    private List<Submission> read(String record) throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.newFolder().toPath(), "s");
        Path file = dir.submission(1);
        Files.createDirectories(file.getParent());
        Files.writeString(file, record);
        return new SweepRecords(dir).submissions();
    }

    @Test
    public void aRecordWrittenBeforeCausesHasNone() throws Exception {
        List<Submission> read = read(RECORD + "}");
        assertEquals(1, read.size());
        assertNull(read.get(0).cause());
    }

    @Test
    public void aCauseWrittenSoReadsBack() throws Exception {
        assertEquals(Submission.Cause.RESUME, read(RECORD + ", \"cause\": \"RESUME\"}").get(0).cause());
    }

    @Test
    public void aCauseOfALaterVersionReadsAsNone() throws Exception {
        assertNull(read(RECORD + ", \"cause\": \"MIGRATED\"}").get(0).cause());
    }
}
