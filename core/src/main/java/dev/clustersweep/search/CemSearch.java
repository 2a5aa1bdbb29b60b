package dev.clustersweep.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * cluster_utils' {@code cem_metaoptimizer}, the cross-entropy method: sample from the parameters'
 * distributions; once as many results as the elite holds are in, refit every distribution to the
 * elite after each tell (see {@link Distribution#refit}).
 *
 * <p>The elite is the best {@code max(5, numJobsInElite)} configurations among the successful
 * results, a configuration told more than once (a restart) counted by its mean, as cluster_utils
 * averages restarts in its reduced table; ties go to the configuration seen first. With restarts,
 * once the elite is full each ask has a 20% chance to rerun a configuration drawn from the better
 * half of the elite, to tell lucky runs from good ones.
 */
public final class CemSearch extends Tally {

    /** cluster_utils forces an elite of at least five. */
    public static final int MIN_ELITE = 5;
    /** cluster_utils: {@code random.random() < 0.8} samples anew. */
    static final double RESTART_CHANCE = 0.2;

    private final List<SearchParam> params;
    private final long seed;
    private final boolean minimize;
    private final boolean withRestarts;
    private final int eliteSize;
    private final List<Distribution> current;
    /** Successful configurations, in the order first told. */
    private final Map<Map<String, String>, Result> results = new LinkedHashMap<>();

    /** Mean of a configuration's results, and when it was first told (for ties). */
    private static final class Result {
        final int order;
        double sum;
        int count;

        Result(int order) {
            this.order = order;
        }

        double mean() {
            return sum / count;
        }
    }

    public CemSearch(SearchSpace space, long seed, boolean minimize, int numJobsInElite, boolean withRestarts) {
        this.params = space.params();
        this.seed = seed;
        this.minimize = minimize;
        this.withRestarts = withRestarts;
        this.eliteSize = Math.max(MIN_ELITE, numJobsInElite);
        this.current = new ArrayList<>();
        for (SearchParam p : params) {
            current.add(p.distribution());
        }
    }

    @Override
    public Sample ask() {
        int number = nextNumber();
        SplittableRandom rng = SampleRandom.of(seed, number);
        // The restart draw comes first and is made on every ask, so whether a sample restarts does
        // not shift the draws of its values.
        boolean restart = rng.nextDouble() < RESTART_CHANCE;
        if (withRestarts && restart && results.size() >= eliteSize) {
            List<Map<String, String>> elite = elite();
            return handOut(new Sample(number, elite.get(rng.nextInt(Math.max(1, elite.size() / 2)))));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            values.put(params.get(i).name(), current.get(i).sample(rng));
        }
        return handOut(new Sample(number, values));
    }

    @Override
    protected void learn(Sample sample, double value) {
        Result r = results.computeIfAbsent(sample.values(), k -> new Result(results.size()));
        r.sum += value;
        r.count++;
        if (succeeded() < eliteSize) {
            return;
        }
        List<Map<String, String>> elite = elite();
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i).name();
            List<String> values = new ArrayList<>(elite.size());
            for (Map<String, String> config : elite) {
                values.add(config.get(name));
            }
            current.set(i, current.get(i).refit(values));
        }
    }

    /** The best configurations, best first: at most the elite's size. */
    public List<Map<String, String>> elite() {
        Comparator<Map.Entry<Map<String, String>, Result>> byMean =
                Comparator.comparingDouble(e -> minimize ? e.getValue().mean() : -e.getValue().mean());
        List<Map<String, String>> elite = new ArrayList<>();
        results.entrySet().stream()
                .sorted(byMean.thenComparingInt(e -> e.getValue().order))
                .limit(eliteSize)
                .forEach(e -> elite.add(e.getKey()));
        return elite;
    }

    /** The distributions the next sample is drawn from, in the order of the space. */
    public List<Distribution> distributions() {
        return List.copyOf(current);
    }

    /** The elite's size: {@code max(5, numJobsInElite)}. */
    public int eliteSize() {
        return eliteSize;
    }
}
