package dev.clustersweep.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Each parameter's share of the variance: between-group over total sum of squares. */
public class ImportanceTest {

    @Test
    public void aParameterThatDecidesTheMetricExplainsAllOfIt() {
        Importance.Share s = Importance.of("lr", List.of("a", "a", "b", "b"), new double[] {1, 1, 3, 3});
        assertEquals(1.0, s.share(), 1e-12);
        assertEquals(2, s.values());
        assertEquals(4, s.n());
        assertEquals(1 / 3.0, s.chance(), 1e-12);
    }

    @Test
    public void aParameterWhoseValuesHaveTheSameMeanExplainsNothing() {
        Importance.Share s = Importance.of("seed", List.of("1", "2", "1", "2"), new double[] {1, 1, 3, 3});
        assertEquals(0.0, s.share(), 1e-12);
    }

    @Test
    public void theShareIsBetweenOverTotalSumOfSquares() {
        // means: a 2 (1, 3), b 6 (5, 7); overall 4. Between: 2*(2-4)^2 + 2*(6-4)^2 = 16; total: 9+1+1+9 = 20.
        Importance.Share s = Importance.of("p", List.of("a", "a", "b", "b"), new double[] {1, 3, 5, 7});
        assertEquals(0.8, s.share(), 1e-12);
    }

    @Test
    public void tasksWithoutTheParameterAreNotCounted() {
        List<String> groups = Arrays.asList("a", null, "b");
        Importance.Share s = Importance.of("p", groups, new double[] {1, 1000, 3});
        assertEquals(2, s.n());
        assertEquals(1.0, s.share(), 1e-12);
    }

    @Test
    public void aMetricThatDoesNotVaryHasNoShare() {
        Importance.Share s = Importance.of("p", List.of("a", "b"), new double[] {2, 2});
        assertTrue(Double.isNaN(s.share()));
    }

    @Test
    public void noiseGetsAboutTheChanceShare() {
        // 50 seeds of pure noise over 5,000 tasks: about (50 - 1) / (5000 - 1), nowhere near an effect.
        Random random = new Random(7);
        List<String> groups = new ArrayList<>();
        double[] metric = new double[5000];
        for (int i = 0; i < metric.length; i++) {
            groups.add(Integer.toString(i % 50));
            metric[i] = random.nextGaussian();
        }
        Importance.Share s = Importance.of("seed", groups, metric);
        assertEquals(49 / 4999.0, s.chance(), 1e-12);
        assertTrue(s.share() + " vs chance " + s.chance(), s.share() < 3 * s.chance());
    }
}
