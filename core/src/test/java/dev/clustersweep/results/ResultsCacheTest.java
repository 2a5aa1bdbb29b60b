package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** results.cache reads back what was written, and nothing of a file that is not whole or not this run's. */
public class ResultsCacheTest {

    private static List<ResultsCache.Ended> sample() {
        List<ResultsCache.Ended> m = new ArrayList<>();
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("loss", 0.1 + 0.2); // not a short decimal: kept to the last bit
        finals.put("odd\tname", -1e-300);
        finals.put("nan", Double.NaN);
        finals.put("inf", Double.NEGATIVE_INFINITY);
        finals.put("zero", -0.0);
        m.add(new ResultsCache.Ended(1, 1, new AttemptMetrics(finals, Map.of(), List.of(new MetricProblem(
                "metrics/1.1.txt", 3, "loss = oops\twith a tab", "bad value 'oops' of loss")), 12)));
        m.add(new ResultsCache.Ended(2, 3, AttemptMetrics.NONE));
        m.add(new ResultsCache.Ended(3, 1, new AttemptMetrics(Map.of("loss", 2.5), Map.of(), List.of(), 0)));
        m.add(new ResultsCache.Ended(4, 2, new AttemptMetrics(Map.of("loss", 0.5), Map.of(), List.of(), 0)));
        return m;
    }

    private static Map<Long, ResultsCache.Ended> byId(List<ResultsCache.Ended> list) {
        Map<Long, ResultsCache.Ended> out = new HashMap<>();
        list.forEach(e -> out.put(e.id(), e));
        return out;
    }

    @Test
    public void aWholeFileReadsBackAsWritten() {
        Map<Long, ResultsCache.Ended> back = ResultsCache.parse(ResultsCache.lines("run", sample()).finish(), "run");
        assertEquals(byId(sample()), back);
        Map<String, Double> finals = back.get(1L).metrics().finals();
        assertEquals(Double.valueOf(0.1 + 0.2), finals.get("loss"));
        assertTrue(Double.isNaN(finals.get("nan")));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(finals.get("zero")));
        assertEquals("the order written", List.of("loss", "odd\tname", "nan", "inf", "zero"),
                new ArrayList<>(finals.keySet()));
        assertSame(AttemptMetrics.NONE, back.get(2L).metrics());
        assertEquals(3, back.get(2L).attempt());
    }

    @Test
    public void tasksReportingTheSameMetricsShareTheirNames() {
        Map<Long, ResultsCache.Ended> back = ResultsCache.parse(ResultsCache.lines("run", sample()).finish(), "run");
        assertSame(((SharedKeyMap<?>) back.get(3L).metrics().finals()).keyArray(),
                ((SharedKeyMap<?>) back.get(4L).metrics().finals()).keyArray());
    }

    @Test
    public void anythingElseReadsAsNothing() {
        String text = ResultsCache.lines("run", sample()).finish();
        assertNull("another run", ResultsCache.parse(text, "other"));
        assertNull("cut short", ResultsCache.parse(text.substring(0, text.length() / 2), "run"));
        assertNull("cut at a line", ResultsCache.parse(text.substring(0, text.indexOf('\n', 40) + 1), "run"));
        assertNull("a value changed", ResultsCache.parse(text.replace("oops", "oopz"), "run"));
        assertNull("version 1", ResultsCache.parse(text.replace("results.cache 2", "results.cache 1"), "run"));
        // A whole file of the same run, of the other kind: its CRC checks out, its header does not.
        String statusCache = dev.clustersweep.state.StatusCacheAccess.wholeEmptyCache("run");
        assertNull("a status cache", ResultsCache.parse(statusCache, "run"));
        assertNull("nothing", ResultsCache.parse((String) null, "run"));
        assertNull("empty", ResultsCache.parse("", "run"));
    }

    @Test
    public void aWholeFileDamagedInsideReadsAsNothing() {
        // Whole by its CRC (written so), wrong inside: a value that is not hexadecimal bits, a task twice.
        List<ResultsCache.Ended> twice = new ArrayList<>(sample());
        twice.add(new ResultsCache.Ended(3, 2, AttemptMetrics.NONE));
        assertNull("a task twice", ResultsCache.parse(ResultsCache.lines("run", twice).finish(), "run"));
        dev.clustersweep.io.CacheFile.Lines bad = new dev.clustersweep.io.CacheFile.Lines(
                "cluster-sweep results.cache 2", 1);
        bad.text("run").end().raw("m").number(1).number(1).number(1).text("loss").raw("0.5").number(0).number(0).end();
        assertNull("a decimal where bits belong", ResultsCache.parse(bad.finish(), "run"));
        dev.clustersweep.io.CacheFile.Lines negative = new dev.clustersweep.io.CacheFile.Lines(
                "cluster-sweep results.cache 2", 1);
        negative.text("run").end().raw("m").number(1).number(1).number(-1).number(0).number(0).end();
        assertNull("a count below zero", ResultsCache.parse(negative.finish(), "run"));
    }
}
