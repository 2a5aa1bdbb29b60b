package dev.clustersweep.search;

import dev.clustersweep.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every combination of the parameters' options, once, in the order of {@code grid/Grid} and onager:
 * the first parameter varies fastest. (cluster_utils' gridsearch uses itertools.product, where the
 * last varies fastest; we keep one order across the project, so a search grid and a prelaunch grid
 * of the same values list their tasks alike.) {@link #ask} returns null once all are handed out.
 * Only {@link Distribution.Discrete} parameters make sense here: a grid over a continuous range has
 * no points.
 */
public final class GridSearch extends Tally {

    private final SearchSpace space;
    private final long size;

    public GridSearch(SearchSpace space) {
        this.space = space;
        long n = 1;
        for (SearchParam p : space.params()) {
            if (!(p.distribution() instanceof Distribution.Discrete d)) {
                throw new BadInputException("bad search parameter " + p.name() + " (" + p.distribution().name()
                        + "): the grid optimizer takes only Discrete parameters with options");
            }
            try {
                n = Math.multiplyExact(n, d.options().size());
            } catch (ArithmeticException e) {
                throw new BadInputException("the search grid is too large: more than " + Long.MAX_VALUE + " combinations");
            }
        }
        this.size = n;
    }

    /** How many combinations there are. */
    public long size() {
        return size;
    }

    @Override
    public Sample ask() {
        int number = nextNumber();
        if (number > size) {
            return null;
        }
        long rest = number - 1L;
        Map<String, String> values = new LinkedHashMap<>();
        for (SearchParam p : space.params()) {
            List<String> options = ((Distribution.Discrete) p.distribution()).options();
            values.put(p.name(), options.get((int) (rest % options.size())));
            rest /= options.size();
        }
        return handOut(new Sample(number, values));
    }

    @Override
    protected void learn(Sample sample, double value) {
        // A grid is fixed in advance.
    }
}
