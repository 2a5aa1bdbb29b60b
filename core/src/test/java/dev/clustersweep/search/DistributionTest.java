package dev.clustersweep.search;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.Test;

/** Each distribution: in bounds, the mean it should have, the text it gives, and how it refits. */
public class DistributionTest {

    private static final int N = 10_000;

    /** {@code N} draws as numbers, each checked to lie in [lo, hi]. */
    private static double[] draws(Distribution d, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(42);
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            String text = d.sample(rng);
            double v = Double.parseDouble(text);
            assertTrue(d + " gave " + text, v >= lo && v <= hi);
            out[i] = v;
        }
        return out;
    }

    private static double mean(double[] values, boolean log) {
        double sum = 0;
        for (double v : values) {
            sum += log ? Math.log(v) : v;
        }
        return sum / values.length;
    }

    @Test
    public void uniformStaysInBoundsAroundTheMiddle() {
        assertEquals(3.0, mean(draws(new Distribution.Uniform(2, 4), 2, 4), false), 0.03);
        double[] log = draws(new Distribution.LogUniform(1e-4, 1e-1), 1e-4, 1e-1);
        assertEquals((Math.log(1e-4) + Math.log(1e-1)) / 2, mean(log, true), 0.05);
    }

    @Test
    public void truncatedNormalsStayInBoundsAroundTheirMean() {
        assertEquals(0.0, mean(draws(new Distribution.TruncatedNormal(-5, 5), -5, 5), false), 0.05);
        // Truncation two sd below the mean lifts it a little (by about 0.055).
        assertEquals(2.05, mean(draws(new Distribution.TruncatedNormal(0, 10, 2, 1), 0, 10), false), 0.05);
        // Far outside the bounds: rejection fails, the draws are clamped and still inside.
        draws(new Distribution.TruncatedNormal(0, 1, 50, 0.1), 0, 1);
        double[] log = draws(new Distribution.TruncatedLogNormal(1e-4, 1e-1), 1e-4, 1e-1);
        assertEquals((Math.log(1e-4) + Math.log(1e-1)) / 2, mean(log, true), 0.05);
    }

    @Test
    public void integerDistributionsGiveIntegersWithinBounds() {
        SplittableRandom rng = new SplittableRandom(1);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < N; i++) {
            String text = new Distribution.IntNormal(-5, 5).sample(rng);
            assertTrue(text, text.matches("-?\\d+"));
            counts.merge(text, 1, Integer::sum);
        }
        assertEquals("every integer of -5..5 is drawn", 11, counts.size());
        assertEquals(0.0, mean(draws(new Distribution.IntNormal(-5, 5), -5, 5), false), 0.06);
        double[] log = draws(new Distribution.IntLogNormal(1, 1000), 1, 1000);
        for (double v : log) {
            assertEquals(Math.rint(v), v, 0);
        }
        assertEquals(Math.log(Math.sqrt(1000)), mean(log, true), 0.15);
        for (int i = 0; i < 100; i++) {
            assertTrue(new Distribution.IntLogNormal(1, 1000).sample(rng).matches("\\d+"));
        }
    }

    @Test
    public void discreteDrawsByWeight() {
        Distribution.Discrete d = new Distribution.Discrete(List.of("sgd", "adam", "rmsprop"), List.of(0.5, 0.25, 0.25));
        SplittableRandom rng = new SplittableRandom(3);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < N; i++) {
            counts.merge(d.sample(rng), 1, Integer::sum);
        }
        assertEquals(Map.of("sgd", 5000, "adam", 2500, "rmsprop", 2500).keySet(), counts.keySet());
        assertEquals(5000, counts.get("sgd"), 200);
        assertEquals(2500, counts.get("adam"), 200);
        assertEquals(List.of(1.0 / 3, 1.0 / 3, 1.0 / 3), new Distribution.Discrete(List.of("a", "b", "c")).weights());
    }

    @Test
    public void discreteRefitFavoursTheElitesValuesAndKeepsTheOthers() {
        Distribution.Discrete d = new Distribution.Discrete(List.of("sgd", "adam", "rmsprop"));
        Distribution.Discrete fitted = d.refit(List.of("adam", "adam", "adam", "sgd", "adam"));
        // Laplace: (1 + count) / (n + k) = 5/8, 2/8, 1/8.
        assertEquals(List.of(2.0 / 8, 5.0 / 8, 1.0 / 8), fitted.weights());
        assertEquals(d.options(), fitted.options());
        assertEquals("the refit leaves the original alone", List.of(1.0 / 3, 1.0 / 3, 1.0 / 3), d.weights());
    }

    @Test
    public void normalRefitTakesTheElitesMeanAndSdAndRemembersTheLastMean() {
        Distribution.TruncatedNormal start = new Distribution.TruncatedNormal(-5, 5);
        assertEquals(0.0, start.mean(), 0);
        assertEquals(2.5, start.sd(), 0);
        assertTrue(Double.isNaN(start.lastMean()));
        Distribution.TruncatedNormal once = start.refit(List.of("1.0", "2.0", "3.0", "1.0", "3.0"));
        assertEquals(2.0, once.mean(), 1e-12);
        assertEquals(Math.sqrt(0.8), once.sd(), 1e-12); // maximum likelihood, as scipy's norm.fit
        assertEquals(0.0, once.lastMean(), 0);
        // Samples centre on 4*2 - 3*0 = 8, out of bounds: back to the mean, 2.
        assertEquals(2.0, Gaussian.center(once.mean(), once.lastMean(), -5, 5), 0);
        Distribution.TruncatedNormal twice = once.refit(List.of("2.5", "2.5", "2.5", "2.5", "2.5"));
        assertEquals(2.5, twice.mean(), 1e-12);
        assertEquals(2.0, twice.lastMean(), 0);
        assertEquals("4*2.5 - 3*2 = 4", 4.0, Gaussian.center(twice.mean(), twice.lastMean(), -5, 5), 1e-12);
        assertEquals("an elite of equal values keeps a floor of sd", 0.01, twice.sd(), 1e-12);
        // A move below 1e-3 keeps the old last mean (cluster_utils), so the momentum survives.
        Distribution.TruncatedNormal still = twice.refit(List.of("2.5", "2.5", "2.5", "2.5", "2.5004"));
        assertEquals(2.0, still.lastMean(), 0);
    }

    @Test
    public void logRefitsWorkInLogSpaceAndUniformsRefitAsNormals() {
        Distribution.TruncatedLogNormal fitted = new Distribution.TruncatedLogNormal(1e-4, 1e-1)
                .refit(List.of("0.001", "0.001", "0.01", "0.01", "0.001"));
        assertEquals((3 * Math.log(1e-3) + 2 * Math.log(1e-2)) / 5, fitted.mean(), 1e-12);
        Distribution fromUniform = new Distribution.Uniform(-5, 5).refit(List.of("1", "2", "3", "1", "3"));
        assertEquals(new Distribution.TruncatedNormal(-5, 5, 2.0, Math.sqrt(0.8), 0.0), fromUniform);
        assertTrue(new Distribution.LogUniform(1, 100).refit(List.of("1", "2", "3", "4", "5"))
                instanceof Distribution.TruncatedLogNormal);
        assertTrue(new Distribution.IntNormal(0, 10).refit(List.of("1", "2", "3", "4", "5"))
                instanceof Distribution.IntNormal);
    }

    @Test
    public void fewerThanFiveEliteValuesRefitNothingNumeric() {
        Distribution.TruncatedNormal d = new Distribution.TruncatedNormal(-5, 5);
        assertSame(d, d.refit(List.of("1", "2", "3", "4")));
        Distribution.IntLogNormal i = new Distribution.IntLogNormal(1, 64);
        assertSame(i, i.refit(List.of("2", "4")));
        assertNotEquals("Discrete refits on any elite", new Distribution.Discrete(List.of("a", "b")),
                new Distribution.Discrete(List.of("a", "b")).refit(List.of("a")));
    }

    @Test
    public void valuesAreTheTextATaskReceives() {
        assertEquals("0.001", ValueText.of(0.001));
        assertEquals("0.0001", ValueText.of(1e-4));
        assertEquals("2.0", ValueText.of(2.0));
        assertEquals("-3.25", ValueText.of(-3.25));
        assertEquals("123456789.5", ValueText.of(123456789.5));
        assertEquals("0.1", ValueText.of(0.1));
        assertEquals("0.30000000000000004", ValueText.of(0.1 + 0.2));
        assertEquals("1.0E-9", ValueText.of(1e-9));
        assertEquals("1.0E20", ValueText.of(1e20));
        assertEquals("0.0", ValueText.of(0.0));
        assertEquals("3", ValueText.of(3L));
        SplittableRandom rng = new SplittableRandom(5);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            texts.add(new Distribution.LogUniform(1e-6, 1e-2).sample(rng));
        }
        for (String t : texts) {
            assertFalse(t, t.contains("E"));
        }
    }

    @Test
    public void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(5, -5));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.TruncatedNormal(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.LogUniform(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.IntLogNormal(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.TruncatedNormal(0, 1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Discrete(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Discrete(List.of("a", "a")));
    }
}
