package dev.clustersweep.report;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Quartiles as numpy's default (linear) computes them, and Tukey's whiskers. */
public class BoxStatsTest {

    @Test
    public void quartilesInterpolateBetweenOrderStatistics() {
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) == [1.75, 2.5, 3.25]
        BoxStats b = BoxStats.of(new double[] {4, 1, 3, 2});
        assertEquals(1.75, b.q1(), 1e-12);
        assertEquals(2.5, b.median(), 1e-12);
        assertEquals(3.25, b.q3(), 1e-12);
        assertEquals(1, b.min(), 0);
        assertEquals(4, b.max(), 0);
        assertEquals(4, b.n());
    }

    @Test
    public void oneValueIsAFlatBox() {
        BoxStats b = BoxStats.of(new double[] {0.52});
        assertArrayEquals(new double[] {0.52, 0.52, 0.52, 0.52, 0.52, 0.52, 0.52},
                new double[] {b.min(), b.lowWhisker(), b.q1(), b.median(), b.q3(), b.highWhisker(), b.max()}, 0);
        assertEquals(0, b.outliers());
    }

    @Test
    public void whiskersStopAtTheLastValueWithinOneAndAHalfBoxes() {
        // q1 2.25, q3 4.75 (box 2.5): the reach is 2.25 to 4.75 +- 3.75, so 100 is beyond and -1 is not.
        BoxStats b = BoxStats.of(new double[] {-1, 2, 3, 4, 5, 100});
        assertEquals(2.25, b.q1(), 1e-12);
        assertEquals(4.75, b.q3(), 1e-12);
        assertEquals(-1, b.lowWhisker(), 0);
        assertEquals(5, b.highWhisker(), 0);
        assertEquals(100, b.max(), 0);
        assertEquals(1, b.outliers());
    }

    @Test
    public void theInputIsNotSortedInPlace() {
        double[] values = {3, 1, 2};
        BoxStats.of(values);
        assertArrayEquals(new double[] {3, 1, 2}, values, 0);
    }

    @Test
    public void noValuesIsAMistakeOfTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> BoxStats.of(new double[0]));
    }
}
