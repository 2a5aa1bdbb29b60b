package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** search.log: read in order, a line a crash cut short is not there, and the next append replaces it. */
public class SearchLogTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aLineCutShortIsNotThereAndTheNextAppendReplacesIt() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "s");
        Files.createDirectories(dir.root());
        Files.writeString(SearchLog.file(dir), "ask 1 1 1\ntell 1 0.5\nask 2 2");
        assertEquals(List.of(new SearchLog.Ask(1, 1, 1), new SearchLog.Tell(1, OptionalDouble.of(0.5))),
                SearchLog.read(dir));
        SearchLog.append(dir, new SearchLog.Ask(2, 2, 4));
        SearchLog.append(dir, new SearchLog.Tell(2, OptionalDouble.empty()));
        assertEquals("ask 1 1 1\ntell 1 0.5\nask 2 2 4\ntell 2 -\n", Files.readString(SearchLog.file(dir)));
    }
}
