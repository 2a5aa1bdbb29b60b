package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.SweepResults;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What "best" is and how tasks are taken together, shared by {@code sweep results} and
 * {@code sweep report}: the metric, its direction, how many of the best, and the parameters that
 * repeated runs differ in. The checks give one line naming the bad value and what is expected.
 */
final class RankOptions {

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Rank by this metric: tasks that SUCCEEDED and reported it, best first; the others after.")
    String metric;

    @Option(names = "--minimize", description = "Smallest first (the default).")
    boolean minimize;

    @Option(names = "--maximize", description = "Largest first.")
    boolean maximize;

    @Option(names = "--top", paramLabel = "K", description = "Only the K best tasks or configurations (needs --metric).")
    Integer top;

    @Option(names = "--over", paramLabel = "PARAM", split = ",",
            description = "Take tasks that differ only in these parameters (e.g. seed) as repeated runs of one"
                    + " configuration: mean, standard deviation and count per configuration, best mean first.")
    List<String> over;

    /** The checks that need no sweep. */
    void check() {
        if (minimize && maximize) {
            throw new BadInputException("--minimize and --maximize both given: expected one of them");
        }
        if (top != null && top < 1) {
            throw new BadInputException("bad --top '" + top + "': expected a whole number from 1");
        }
    }

    /** The first option given that means nothing without {@code --metric}, or null. */
    String needingMetric() {
        return top != null ? "--top" : over != null ? "--over" : minimize ? "--minimize" : maximize ? "--maximize"
                : null;
    }

    /** The objective, null without {@code --metric}; a metric no task reported is bad input. */
    Objective objective(SweepResults results, String jobName) {
        if (metric == null) {
            return null;
        }
        if (!results.metrics().contains(metric)) {
            throw new BadInputException("no task of sweep '" + jobName + "' reported metric '" + metric
                    + "': expected " + (results.metrics().isEmpty() ? "a metric its tasks write to $SWEEP_METRICS"
                    + " (none reported any yet)" : "one of " + String.join(", ", results.metrics())));
        }
        return new Objective(metric, maximize);
    }

    /** The {@code --over} parameters as results name them (no dashes), each one the sweep has; empty when not given. */
    List<String> over(SweepResults results) {
        if (over == null) {
            return List.of();
        }
        for (String name : over) {
            if (!results.parameters().contains(Grid.parameterName(name))) {
                throw new BadInputException("bad --over '" + name + "': expected one of the sweep's parameters "
                        + (results.parameters().isEmpty() ? "(it has none)" : String.join(", ", results.parameters())));
            }
        }
        return over.stream().map(Grid::parameterName).toList();
    }
}
