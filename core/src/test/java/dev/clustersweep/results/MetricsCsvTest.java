package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** cluster_utils' metrics.csv, as Python's csv.DictWriter writes it for finalize_job. */
public class MetricsCsvTest {

    private static AttemptMetrics parse(String text) {
        AttemptMetrics.Builder into = new AttemptMetrics.Builder(false);
        MetricsCsv.parse(text, "attempts/3.1/metrics.csv", into);
        return into.build();
    }

    @Test
    public void aHeaderAndOneLineOfValuesAsFinalizeJobWritesThem() {
        // csv.DictWriter ends lines with \r\n; finalize_job adds time_elapsed.
        AttemptMetrics m = parse("loss,accuracy,time_elapsed\r\n0.31,0.9,12.5\r\n");
        assertEquals(Map.of("loss", 0.31, "accuracy", 0.9, "time_elapsed", 12.5), m.finals());
        assertEquals(List.of(), m.problems());
    }

    @Test
    public void quotedFieldsAndPythonsNanAndInf() {
        AttemptMetrics m = parse("\"loss\",\"a\"\"b\",acc\nnan,1,inf\n");
        assertTrue(m.finals().get("loss").isNaN());
        assertEquals(Double.POSITIVE_INFINITY, m.finals().get("acc"), 0);
        // a"b is not a metric name: its column is a problem, the others are kept.
        assertEquals(1, m.problems().size());
        assertEquals(1, m.problems().get(0).line());
        assertTrue(m.problems().get(0).expected().startsWith("bad metric name in column 2"));
    }

    @Test
    public void badValuesAndShapesAreProblemsAndKeepTheRest() {
        AttemptMetrics m = parse("loss,acc,steps\n0.5,True,\n");
        assertEquals(Map.of("loss", 0.5), m.finals());
        assertEquals(2, m.problems().size());
        assertEquals(2, m.problems().get(0).line());
        assertEquals("True", m.problems().get(0).text());
        assertTrue(m.problems().get(0).expected().startsWith("bad value of acc (column 2)"));

        AttemptMetrics more = parse("loss,acc\n1,2\n3,4\n");
        assertEquals(Map.of("loss", 1.0, "acc", 2.0), more.finals());
        assertEquals(3, more.problems().get(0).line());

        AttemptMetrics fewer = parse("loss,acc\n1\n");
        assertEquals(Map.of("loss", 1.0), fewer.finals());
        assertTrue(fewer.problems().get(0).expected().startsWith("1 values for 2 names"));

        assertTrue(parse("loss,acc\n").problems().get(0).expected().startsWith("a header line but no values"));
        assertTrue(parse("\"loss,acc\n1,2\n").problems().get(0).expected().startsWith("a quoted field is not closed"));
        assertEquals(AttemptMetrics.NONE, parse(""));
    }
}
