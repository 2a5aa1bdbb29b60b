package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.SweepResults;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code sweep results} and {@code sweep report} share: the sweep ({@link JobOptions}), what
 * "best" is ({@link RankOptions}), and reading the one against the other.
 */
final class ResultsOptions {

    /** The command this is mixed into, for its output streams. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    RankOptions rank;

    /** A sweep's results and what ranks them (null without {@code --metric}). */
    record Read(Sweep sweep, SweepResults results, Objective objective) {
    }

    /** Bad input when {@code needing} (an option, or null) was given without {@code --metric}. */
    void requireMetric(String needing, String purpose) {
        if (rank.metric == null && needing != null) {
            throw new BadInputException(needing + " needs --metric NAME: expected the metric to " + purpose);
        }
    }

    /** The sweep, which must exist here, its results, and the objective (a metric they have). */
    Read read() throws BackendException {
        Sweep sweep = job.openExisting();
        SweepResults results = SweepResults.read(sweep, false);
        return new Read(sweep, results, rank.objective(results, job.jobName));
    }
}
