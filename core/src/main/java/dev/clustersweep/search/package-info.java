/**
 * The pure core of hyperparameter search (issue 13), without a scheduler, files or Jenkins: the
 * distributions a parameter is drawn from ({@link dev.clustersweep.search.Distribution}), the search
 * space, and optimisers behind one ask/tell interface ({@link dev.clustersweep.search.Optimizer}):
 * a grid over discrete options, seeded random search, and cluster_utils' cross-entropy method
 * ({@code cem_metaoptimizer}). {@link dev.clustersweep.search.SearchSettings} is read from the
 * {@code search:} section of a spec ({@link dev.clustersweep.search.SearchSection}) or from a
 * cluster_utils hp_optimization settings file ({@link dev.clustersweep.search.ClusterUtilsSettings}).
 *
 * <p>Every sample is drawn from a generator made of the seed and the sample's number alone
 * ({@link dev.clustersweep.search.SampleRandom}), so a driver that replays its log of asks and tells
 * after a crash gets the very same samples again, whatever the timing of the tasks was.
 *
 * <p>A task receives values as text: integers without {@code .0}, other numbers in the shortest
 * text that reads back to the same double, in plain decimal for ordinary magnitudes
 * ({@link dev.clustersweep.search.ValueText}).
 */
package dev.clustersweep.search;
