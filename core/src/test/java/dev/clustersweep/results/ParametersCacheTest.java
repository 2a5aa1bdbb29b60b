package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** parameters.cache reads back what was written, only for the jobfile and grids it was made from. */
public class ParametersCacheTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Map<Long, Map<String, String>> sample() {
        Map<Long, Map<String, String>> m = new LinkedHashMap<>();
        for (long id = 1; id <= 4; id++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("lr", "0.00" + id);
            p.put("seed", id % 2 == 0 ? "1" : "2");
            m.put(id, p);
        }
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("name\twith a tab", "a value\nover two lines\\");
        odd.put("lr", "");
        m.put(9L, odd);
        m.put(10L, Map.of());
        return m;
    }

    @Test
    public void aWholeFileReadsBackAsWritten() {
        String text = ParametersCache.lines("run", "src", sample()).finish();
        Map<Long, Map<String, String>> back = ParametersCache.parse(text, "run", "src");
        assertEquals(sample(), back);
        assertEquals("each task's order", List.of("name\twith a tab", "lr"), new ArrayList<>(back.get(9L).keySet()));
        assertSame("a grid's tasks share their names", ((SharedKeyMap<?>) back.get(1L)).keyArray(),
                ((SharedKeyMap<?>) back.get(4L)).keyArray());
    }

    @Test
    public void anythingElseReadsAsNothing() {
        String text = ParametersCache.lines("run", "src", sample()).finish();
        assertNull("another run", ParametersCache.parse(text, "other", "src"));
        assertNull("another jobfile", ParametersCache.parse(text, "run", "other"));
        assertNull("cut short", ParametersCache.parse(text.substring(0, text.length() - 10), "run", "src"));
        assertNull("a value changed", ParametersCache.parse(text.replace("0.003", "0.004"), "run", "src"));
        assertNull("another kind", ParametersCache.parse(
                dev.clustersweep.state.StatusCacheAccess.wholeEmptyCache("run"), "run", "src"));
        assertNull("nothing", ParametersCache.parse((String) null, "run", "src"));
    }

    @Test
    public void aWholeFileDamagedInsideReadsAsNothing() {
        dev.clustersweep.io.CacheFile.Lines bad = new dev.clustersweep.io.CacheFile.Lines(
                "cluster-sweep parameters.cache 1", 2);
        bad.text("run").text("src").end().raw("v").text("lr").end().raw("t").number(1).number(0).number(5).end();
        assertNull("a value number out of range", ParametersCache.parse(bad.finish(), "run", "src"));
        bad = new dev.clustersweep.io.CacheFile.Lines("cluster-sweep parameters.cache 1", 2);
        bad.text("run").text("src").end().raw("v").text("lr").end().raw("t").number(1).number(0).number(0)
                .number(0).number(0).end();
        assertNull("a name twice", ParametersCache.parse(bad.finish(), "run", "src"));
    }

    @Test
    public void theSourceChangesWithJobsJsonOrGridsJson() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "big");
        Files.createDirectories(dir.root());
        Files.writeString(dir.jobFile(), "{\"1\": [\"python t.py --lr 0.1\", \"t\"]}");
        String first = ParametersCache.source(dir);
        assertNotNull(first);
        Files.writeString(dir.jobFile(), "{\"1\": [\"python t.py --lr 0.2\", \"t\"]}"); // same size
        String replaced = ParametersCache.source(dir);
        assertNotEquals(first, replaced);
        Files.writeString(dir.root().resolve("grids.json"), "{\"grids\": []}");
        assertNotEquals(replaced, ParametersCache.source(dir));
    }
}
