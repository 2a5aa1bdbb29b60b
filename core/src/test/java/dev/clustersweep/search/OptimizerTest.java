package dev.clustersweep.search;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.Test;

/** Grid, random and CEM behind the ask/tell interface. */
public class OptimizerTest {

    private static final SearchSpace QUADRATIC = SearchSpace.of(new SearchParam("x", new Distribution.TruncatedNormal(-5, 5)));
    private static final ToDoubleFunction<Sample> SQUARE = s -> {
        double x = Double.parseDouble(s.values().get("x"));
        return (x - 2.0) * (x - 2.0);
    };

    private static SearchSpace mixed() {
        return SearchSpace.of(
                new SearchParam("x", new Distribution.TruncatedNormal(-5, 5)),
                new SearchParam("lr", new Distribution.TruncatedLogNormal(1e-4, 0.1)),
                new SearchParam("layers", new Distribution.IntNormal(1, 8)),
                new SearchParam("opt", new Distribution.Discrete(List.of("sgd", "adam"))));
    }

    /**
     * A driver as the real one will be: {@code parallel} out at once, results coming back oldest
     * first, a new ask after each tell; every {@code failEvery}-th task fails. Returns every sample
     * asked, in order, and the best value seen.
     */
    private static double run(Optimizer o, int budget, int parallel, ToDoubleFunction<Sample> f, int failEvery, List<Sample> asked) {
        Deque<Sample> running = new ArrayDeque<>();
        double best = Double.POSITIVE_INFINITY;
        while (o.asked() < budget || !running.isEmpty()) {
            while (o.asked() < budget && running.size() < parallel) {
                Sample s = o.ask();
                asked.add(s);
                running.add(s);
            }
            Sample done = running.poll();
            if (failEvery > 0 && done.number() % failEvery == 0) {
                o.tell(done, OptionalDouble.empty());
            } else {
                double v = f.applyAsDouble(done);
                best = Math.min(best, v);
                o.tell(done, OptionalDouble.of(v));
            }
        }
        return best;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    @Test
    public void gridEnumeratesEveryCombinationFirstParameterFastestThenIsDone() {
        GridSearch grid = new GridSearch(SearchSpace.of(
                new SearchParam("lr", new Distribution.Discrete(List.of("0.1", "1.0", "3.0"))),
                new SearchParam("bs", new Distribution.Discrete(List.of("32", "64")))));
        assertEquals(6, grid.size());
        List<String> seen = new ArrayList<>();
        for (Sample s = grid.ask(); s != null; s = grid.ask()) {
            assertEquals(seen.size() + 1, s.number());
            assertEquals(List.of("lr", "bs"), new ArrayList<>(s.values().keySet()));
            seen.add(s.values().get("lr") + "/" + s.values().get("bs"));
            grid.tell(s, OptionalDouble.of(1));
        }
        // onager's order, as grid/Grid: the first parameter varies fastest.
        assertEquals(List.of("0.1/32", "1.0/32", "3.0/32", "0.1/64", "1.0/64", "3.0/64"), seen);
        assertNull("still done", grid.ask());
        assertEquals(6, grid.asked());
        assertEquals(6, grid.succeeded());
    }

    @Test
    public void gridRefusesNumericDistributions() {
        BadInputException e = assertThrows(BadInputException.class, () -> new GridSearch(SearchSpace.of(
                new SearchParam("opt", new Distribution.Discrete(List.of("sgd"))),
                new SearchParam("x", new Distribution.Uniform(0, 1)))));
        assertEquals("bad search parameter x (Uniform): the grid optimizer takes only Discrete parameters with options", e.getMessage());
    }

    @Test
    public void randomSearchIsTheSameForTheSameSeedAndOtherwiseDifferent() {
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        List<Sample> c = new ArrayList<>();
        RandomSearch ra = new RandomSearch(mixed(), 7);
        RandomSearch rb = new RandomSearch(mixed(), 7);
        RandomSearch rc = new RandomSearch(mixed(), 8);
        for (int i = 0; i < 50; i++) {
            a.add(ra.ask());
            b.add(rb.ask());
            c.add(rc.ask());
        }
        assertEquals(a, b);
        int same = 0;
        for (int i = 0; i < 50; i++) {
            if (a.get(i).values().get("x").equals(c.get(i).values().get("x"))) {
                same++;
            }
        }
        assertEquals("another seed gives other values", 0, same);
        // Telling (or not, in another order) changes nothing in random search.
        RandomSearch rd = new RandomSearch(mixed(), 7);
        for (int i = 0; i < 50; i++) {
            Sample s = rd.ask();
            rd.tell(s, i % 3 == 0 ? OptionalDouble.empty() : OptionalDouble.of(i));
            assertEquals(a.get(i), s);
        }
        assertEquals(17, rd.failed());
    }

    @Test
    public void cemFindsTheOptimumOfAQuadraticBetterThanRandom() {
        int seeds = 10;
        int budget = 60;
        double[] cem = new double[seeds];
        double[] random = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            cem[seed] = run(new CemSearch(QUADRATIC, seed, true, 5, false), budget, 4, SQUARE, 0, new ArrayList<>());
            random[seed] = run(new RandomSearch(QUADRATIC, seed), budget, 4, SQUARE, 0, new ArrayList<>());
        }
        assertTrue("CEM median " + median(cem) + " vs random " + median(random), median(cem) < median(random));
        assertTrue("CEM median " + median(cem), median(cem) < 1e-3);
    }

    @Test
    public void cemMaximizesWhenAskedTo() {
        CemSearch max = new CemSearch(QUADRATIC, 3, false, 5, false);
        run(max, 60, 4, s -> -SQUARE.applyAsDouble(s), 0, new ArrayList<>());
        Map<String, String> best = max.elite().get(0);
        assertTrue("the largest -(x-2)^2 is near x = 2: " + best, Math.abs(Double.parseDouble(best.get("x")) - 2.0) < 0.1);
    }

    @Test
    public void failedTellsAreCountedAndChangeNothing() {
        CemSearch cem = new CemSearch(mixed(), 11, true, 5, false);
        List<Sample> asked = new ArrayList<>();
        run(cem, 20, 2, s -> Double.parseDouble(s.values().get("x")) * Double.parseDouble(s.values().get("x")), 0, asked);
        List<Map<String, String>> elite = cem.elite();
        List<Distribution> distributions = cem.distributions();
        for (int i = 0; i < 5; i++) {
            Sample s = cem.ask();
            cem.tell(s, i == 4 ? OptionalDouble.of(Double.NaN) : OptionalDouble.empty());
        }
        assertEquals(elite, cem.elite());
        assertEquals(distributions, cem.distributions());
        assertEquals(5, cem.failed());
        assertEquals(20, cem.succeeded());
        assertEquals(25, cem.asked());
    }

    @Test
    public void theEliteHoldsTheBestFive() {
        CemSearch cem = new CemSearch(QUADRATIC, 2, true, 3, false);
        assertEquals("at least five", 5, cem.eliteSize());
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            samples.add(cem.ask());
        }
        double[] values = {8, 1, 7, 2, 6, 3, 5, 4};
        for (int i = 0; i < 8; i++) {
            cem.tell(samples.get(i), OptionalDouble.of(values[i]));
        }
        List<Map<String, String>> expected = List.of(samples.get(1).values(), samples.get(3).values(),
                samples.get(5).values(), samples.get(7).values(), samples.get(6).values());
        assertEquals(expected, cem.elite());
        assertNotEquals("refitted", QUADRATIC.params().get(0).distribution(), cem.distributions().get(0));
    }

    @Test
    public void cemReplaysTheSameSamplesForTheSameAsksAndTells() {
        for (boolean restarts : new boolean[] {false, true}) {
            List<Sample> first = new ArrayList<>();
            List<Sample> second = new ArrayList<>();
            run(new CemSearch(mixed(), 5, true, 5, restarts), 80, 3, OptimizerTest::bowl, 7, first);
            run(new CemSearch(mixed(), 5, true, 5, restarts), 80, 3, OptimizerTest::bowl, 7, second);
            assertEquals(first, second);
            List<Sample> other = new ArrayList<>();
            run(new CemSearch(mixed(), 6, true, 5, restarts), 80, 3, OptimizerTest::bowl, 7, other);
            assertNotEquals(first, other);
        }
    }

    @Test
    public void withRestartsSomeAsksRerunAnEliteConfiguration() {
        CemSearch cem = new CemSearch(mixed(), 9, true, 5, true);
        List<Sample> asked = new ArrayList<>();
        run(cem, 100, 1, OptimizerTest::bowl, 0, asked);
        Set<Map<String, String>> seen = new HashSet<>();
        int reruns = 0;
        for (int i = 0; i < asked.size(); i++) {
            if (!seen.add(asked.get(i).values())) {
                reruns++;
                assertTrue("no rerun before the elite is full: sample " + (i + 1), i >= 5);
            }
        }
        // About 20% of the 95 asks after the elite filled.
        assertTrue("reruns: " + reruns, reruns >= 8 && reruns <= 32);
        List<Sample> plain = new ArrayList<>();
        run(new CemSearch(mixed(), 9, true, 5, false), 100, 1, OptimizerTest::bowl, 0, plain);
        assertEquals("without restarts every configuration is new", 100, new HashSet<>(plain.stream().map(Sample::values).toList()).size());
    }

    @Test
    public void tellsOfUnknownOrAlreadyToldSamplesAreRefused() {
        RandomSearch r = new RandomSearch(QUADRATIC, 1);
        Sample s = r.ask();
        r.tell(s, OptionalDouble.of(1));
        assertThrows(IllegalStateException.class, () -> r.tell(s, OptionalDouble.of(1)));
        assertThrows(IllegalArgumentException.class, () -> r.tell(new Sample(2, Map.of("x", "0.0")), OptionalDouble.of(1)));
    }

    /** A bowl over all four mixed parameters: best at x = 2, lr = 0.01, layers = 3, adam. */
    private static double bowl(Sample s) {
        double x = Double.parseDouble(s.values().get("x")) - 2;
        double lr = Math.log10(Double.parseDouble(s.values().get("lr"))) + 2;
        double layers = Double.parseDouble(s.values().get("layers")) - 3;
        return x * x + lr * lr + 0.1 * layers * layers + (s.values().get("opt").equals("adam") ? 0 : 1);
    }
}
