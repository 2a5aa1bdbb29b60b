package dev.clustersweep.results;

/** One value of a series (a learning curve): {@code loss@100=0.5} is step 100, value 0.5. */
public record MetricPoint(long step, double value) {
}
