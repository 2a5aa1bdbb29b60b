package dev.clustersweep.search;

import dev.clustersweep.BadInputException;
import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a search runs: the optimiser, the metric it follows and in which direction, how many samples
 * in all ({@code number_of_samples}), how many run at once ({@code n_jobs_per_iteration}), how many
 * must end before that many more are submitted ({@code n_completed_jobs_before_resubmit}, 1 =
 * refill each slot as it frees), the seed, and CEM's restarts and elite size. Read from our
 * {@code search:} section by {@link SearchSection} or from cluster_utils by {@link ClusterUtilsSettings}.
 *
 * <p>Defaults: minimize true (a loss), parallel 1, completedBeforeResubmit 1, seed 0, no restarts,
 * an elite of 5; a grid's samples default to its size. The metric is needed for random and CEM
 * (random search has nothing to learn, but its best sample is what the user asked for).
 */
public record SearchSettings(OptimizerKind optimizer, String metric, boolean minimize, int samples, int parallel,
        int completedBeforeResubmit, long seed, boolean withRestarts, int numJobsInElite, SearchSpace params)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SearchSettings {
        if (optimizer == null || params == null) {
            throw new IllegalArgumentException("search settings need an optimizer and params");
        }
        if (samples < 1 || parallel < 1 || completedBeforeResubmit < 1 || numJobsInElite < 1) {
            throw new IllegalArgumentException("samples, parallel, completedBeforeResubmit and numJobsInElite must be at least 1");
        }
    }

    /** A fresh optimiser for these settings. */
    public Optimizer newOptimizer() {
        return switch (optimizer) {
            case GRID -> new GridSearch(params);
            case RANDOM -> new RandomSearch(params, seed);
            case CEM -> new CemSearch(params, seed, minimize, numJobsInElite, withRestarts);
        };
    }

    /**
     * The checks across fields, with each field shown under {@code key}'s name for it (ours or
     * cluster_utils'). {@code samples} is null when not given.
     */
    static SearchSettings checked(OptimizerKind optimizer, String metric, boolean minimize, Long samples, int parallel,
            int completedBeforeResubmit, long seed, boolean withRestarts, int numJobsInElite, List<SearchParam> params,
            UnaryOperator<String> key) {
        if (metric == null && optimizer != OptimizerKind.GRID) {
            throw new BadInputException("missing " + key.apply("metric") + ": the " + optimizer.text()
                    + " optimizer needs the name of the metric to optimise");
        }
        if (params.isEmpty()) {
            throw new BadInputException("bad " + key.apply("params") + " []: expected at least one parameter");
        }
        SearchSpace space;
        try {
            space = new SearchSpace(params);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("bad " + key.apply("params") + ": " + e.getMessage() + ", expected unique names");
        }
        if (completedBeforeResubmit > parallel) {
            throw new BadInputException("bad " + key.apply("completedBeforeResubmit") + " " + completedBeforeResubmit
                    + ": expected at most " + key.apply("parallel") + " (" + parallel + "), more can never have ended at once");
        }
        int n;
        if (optimizer == OptimizerKind.GRID) {
            for (int i = 0; i < params.size(); i++) {
                SearchParam p = params.get(i);
                if (!(p.distribution() instanceof Distribution.Discrete)) {
                    throw new BadInputException("bad " + key.apply("params") + "[" + i + "].distribution " + p.distribution().name()
                            + " (" + p.name() + "): the grid optimizer takes only Discrete parameters with options");
                }
            }
            long size = new GridSearch(space).size();
            n = (int) Math.min(samples == null ? size : samples, Integer.MAX_VALUE);
        } else if (samples == null) {
            throw new BadInputException("missing " + key.apply("samples") + ": expected the number of samples to run, at least 1");
        } else {
            n = (int) Math.min(samples, Integer.MAX_VALUE);
        }
        return new SearchSettings(optimizer, metric, minimize, n, parallel, completedBeforeResubmit, seed, withRestarts,
                numJobsInElite, space);
    }
}
