package dev.clustersweep.search;

import java.util.OptionalDouble;

/**
 * Ask for a configuration, run it, tell how it did. The driver decides how many to ask
 * ({@link SearchSettings#samples()}) and how many run at once; an optimiser only proposes and learns.
 *
 * <p>Replay: the same seed and the same sequence of asks and tells (by sample number) give the same
 * samples, so a driver that logs them can rebuild its optimiser after a crash. Implementations are
 * not thread-safe: one driver thread calls them.
 */
public interface Optimizer {

    /** The next configuration, numbered one more than the last; null when there are none left (a grid that is done). */
    Sample ask();

    /**
     * How a sample did: its metric, or empty when the task failed, timed out or reported no (or a
     * NaN) metric. An empty value is counted in {@link #failed()} and otherwise ignored, so failures
     * never steer the search. Each asked sample is told at most once.
     *
     * @throws IllegalArgumentException for a sample this optimiser did not hand out
     * @throws IllegalStateException for a sample told before
     */
    void tell(Sample sample, OptionalDouble value);

    /** Samples handed out so far. */
    int asked();

    /** Samples told with a value. */
    int succeeded();

    /** Samples told without one. */
    int failed();
}
