package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The $SWEEP_METRICS line syntax: final values, series, and bad lines named with their line numbers. */
public class MetricLinesTest {

    private static AttemptMetrics parse(String text, boolean complete) {
        AttemptMetrics.Builder into = new AttemptMetrics.Builder(true);
        // The reader hands the parser the file's bytes one char a byte.
        MetricLines.parse(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), complete,
                "metrics/1.1.txt", into);
        return into.build();
    }

    @Test
    public void theLastValueOfANameWinsAndStepsMakeASeries() {
        AttemptMetrics m = parse("loss@0=0.9\nloss@100=0.5\n# a comment\n\n  acc = 0.7  \nloss=0.31\nloss@200=0.4\n"
                + "val/acc=1e-3\n", true);
        assertEquals(Map.of("loss", 0.4, "acc", 0.7, "val/acc", 0.001), m.finals());
        assertEquals(List.of("loss", "acc", "val/acc"), List.copyOf(m.finals().keySet()));
        assertEquals(List.of(new MetricPoint(0, 0.9), new MetricPoint(100, 0.5), new MetricPoint(200, 0.4)),
                m.series().get("loss"));
        assertEquals(List.of(), m.problems());
    }

    @Test
    public void badLinesAreProblemsWithTheirLineNumbersAndTheOtherValuesStay() {
        AttemptMetrics m = parse("loss=0.5\nloss=abc\ntrain loss=0.3\nnothing here\nacc@-1=0.2\nacc@x=0.2\n"
                + "1st=2\nacc=0.75\nhex=0x10\nsuffix=1d\n=3\n", true);
        assertEquals(Map.of("loss", 0.5, "acc", 0.75), m.finals());
        List<MetricProblem> p = m.problems();
        assertEquals(9, p.size());
        assertEquals(2, p.get(0).line());
        assertEquals("metrics/1.1.txt line 2: 'loss=abc': bad value 'abc' of loss: " + MetricSyntax.NUMBER_EXPECTED,
                p.get(0).describe());
        assertEquals(3, p.get(1).line());
        assertTrue(p.get(1).expected(), p.get(1).expected().startsWith("bad metric name 'train loss'"));
        assertEquals(4, p.get(2).line());
        assertEquals(MetricLines.LINE_EXPECTED, p.get(2).expected());
        assertTrue(p.get(3).expected().startsWith("bad step '-1' of acc"));
        assertTrue(p.get(4).expected().startsWith("bad step 'x' of acc"));
        assertTrue(p.get(5).expected().startsWith("bad metric name '1st'"));
        assertEquals(9, p.get(6).line());
        assertEquals(10, p.get(7).line());
        assertEquals(11, p.get(8).line());
    }

    @Test
    public void pythonsSpecialValuesAreNumbers() {
        AttemptMetrics m = parse("a=nan\nb=inf\nc=-inf\nd=Infinity\ne=+2.5E+3\nf=.5\ng=5.\nh=-0\n", true);
        assertTrue(m.finals().get("a").isNaN());
        assertEquals(Double.POSITIVE_INFINITY, m.finals().get("b"), 0);
        assertEquals(Double.NEGATIVE_INFINITY, m.finals().get("c"), 0);
        assertEquals(Double.POSITIVE_INFINITY, m.finals().get("d"), 0);
        assertEquals(2500, m.finals().get("e"), 0);
        assertEquals(0.5, m.finals().get("f"), 0);
        assertEquals(5, m.finals().get("g"), 0);
        assertEquals(List.of(), m.problems());
    }

    @Test
    public void anUnfinishedLastLineIsReadOnlyOnceTheAttemptEnded() {
        // A running task may be halfway through "loss=0.25": 0.2 would be a value it never wrote.
        assertEquals(Map.of("acc", 0.5), parse("acc=0.5\nloss=0.2", false).finals());
        assertEquals(Map.of("acc", 0.5, "loss", 0.2), parse("acc=0.5\nloss=0.2", true).finals());
    }

    @Test
    public void windowsLineEndsAndUtf8InBadLinesAreShownAsWritten() {
        AttemptMetrics m = parse("loss=0.5\r\nperte d\u00e9j\u00e0=1\r\n", true);
        assertEquals(Map.of("loss", 0.5), m.finals());
        assertEquals("'perte d\u00e9j\u00e0=1'", "'" + m.problems().get(0).text() + "'");
    }

    @Test
    public void aHugeLineIsReportedCutShort() {
        AttemptMetrics m = parse("x".repeat(5000) + "=1\nloss=2\n", true);
        assertEquals(Map.of("loss", 2.0), m.finals());
        MetricProblem p = m.problems().get(0);
        assertEquals(1, p.line());
        assertTrue(p.text().length() <= MetricProblem.MAX_TEXT + 3);
        assertTrue(p.expected(), p.expected().startsWith("a line of 5002 bytes"));
    }

    @Test
    public void aFileOfGarbageKeepsTenProblemsAndCountsTheRest() {
        AttemptMetrics m = parse("oops\n".repeat(1000) + "loss=1\n", true);
        assertEquals(AttemptMetrics.MAX_PROBLEMS, m.problems().size());
        assertEquals(1000, m.problemCount());
        assertEquals(Map.of("loss", 1.0), m.finals());
    }

    @Test
    public void namesAndNumbersAreCheckedByTheSameRulesEverywhere() {
        assertTrue(MetricSyntax.isName("_x.y-z/w9"));
        assertTrue(!MetricSyntax.isName("a b") && !MetricSyntax.isName("") && !MetricSyntax.isName("a,b")
                && !MetricSyntax.isName("x".repeat(MetricSyntax.MAX_NAME + 1)));
        assertNull(MetricSyntax.number("1e"));
        assertNull(MetricSyntax.number("-nan"));
        assertNull(MetricSyntax.number("."));
        assertNull(MetricSyntax.number("1,5"));
        assertEquals(-0.001, MetricSyntax.number("-1e-3"), 0);
    }
}
