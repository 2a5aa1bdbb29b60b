package dev.clustersweep.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The end of a running task's log, as the build page shows it before the log is archived. */
public class LogExcerptTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aSmallLogIsShownWhole() throws Exception {
        Path log = tmp.newFile("1.1.out").toPath();
        Files.writeString(log, "<script>alert(1)</script>\nsecond\n");
        LogExcerpt e = LogExcerpt.tail(log, 1000);
        assertEquals("<script>alert(1)</script>\nsecond\n", e.text());
        assertFalse(e.truncated());
        assertEquals(Files.size(log), e.size());
    }

    @Test
    public void aLargeLogShowsItsLastWholeLines() throws Exception {
        Path log = tmp.newFile("1.1.out").toPath();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        LogExcerpt e = LogExcerpt.tail(log, 100);
        assertTrue(e.truncated());
        assertTrue(e.text(), e.text().startsWith("line "));
        assertTrue(e.text().endsWith("line 1000\n"));
        assertEquals(e.size(), e.skipped() + e.text().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    public void aCutCharacterOrBadBytesBecomeReplacements() throws Exception {
        Path log = tmp.newFile("1.1.err").toPath();
        Files.write(log, new byte[] {'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 'b'}); // a é <bad> b
        assertEquals("a\u00e9\ufffdb", LogExcerpt.tail(log, 100).text());
        assertEquals("\ufffd\ufffdb", LogExcerpt.tail(log, 3).text()); // one line: its end, from a cut é
    }

    @Test
    public void aMissingLogIsOneMessage() {
        String message = assertThrows(BadInputException.class,
                () -> LogExcerpt.tail(tmp.getRoot().toPath().resolve("9.1.out"), 10)).getMessage();
        assertTrue(message, message.startsWith("no log file "));
    }
}
