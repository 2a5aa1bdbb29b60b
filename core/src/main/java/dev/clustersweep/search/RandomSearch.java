package dev.clustersweep.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Each sample drawn afresh from the parameters' distributions; results change nothing. */
public final class RandomSearch extends Tally {

    private final SearchSpace space;
    private final long seed;

    public RandomSearch(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public Sample ask() {
        int number = nextNumber();
        return handOut(new Sample(number, draw(space, SampleRandom.of(seed, number))));
    }

    /** One value per parameter, in order, from the distributions as the space gives them. */
    static Map<String, String> draw(SearchSpace space, RandomGenerator rng) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SearchParam p : space.params()) {
            values.put(p.name(), p.distribution().sample(rng));
        }
        return values;
    }

    @Override
    protected void learn(Sample sample, double value) {
        // Random search does not learn.
    }
}
