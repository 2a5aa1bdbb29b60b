package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** results.cache reads back what was written, and nothing of a file that is not whole or not this run's. */
public class ResultsCacheTest {

    private static Map<String, AttemptMetrics> sample() {
        Map<String, AttemptMetrics> m = new LinkedHashMap<>();
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("loss", 0.1 + 0.2); // not a short decimal: kept to the last bit
        finals.put("odd\tname", -1e-300);
        m.put("1.1", new AttemptMetrics(finals, Map.of(), List.of(new MetricProblem("metrics/1.1.txt", 3,
                "loss = oops\twith a tab", "bad value 'oops' of loss")), 12));
        m.put("2.3", AttemptMetrics.NONE);
        return m;
    }

    @Test
    public void aWholeFileReadsBackAsWritten() {
        Map<String, AttemptMetrics> back = ResultsCache.parse(ResultsCache.lines("run", sample()).finish(), "run");
        assertEquals(sample(), back);
        assertEquals(Double.valueOf(0.1 + 0.2), back.get("1.1").finals().get("loss"));
    }

    @Test
    public void anythingElseReadsAsNothing() {
        String text = ResultsCache.lines("run", sample()).finish();
        assertNull("another run", ResultsCache.parse(text, "other"));
        assertNull("cut short", ResultsCache.parse(text.substring(0, text.length() / 2), "run"));
        assertNull("a value changed", ResultsCache.parse(text.replace("oops", "oopz"), "run"));
        // A whole file of the same run, of the other kind: its CRC checks out, its header does not.
        String statusCache = dev.clustersweep.state.StatusCacheAccess.wholeEmptyCache("run");
        assertNull("a status cache", ResultsCache.parse(statusCache, "run"));
        assertNull("nothing", ResultsCache.parse(null, "run"));
    }
}
