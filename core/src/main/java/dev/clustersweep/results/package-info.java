/**
 * What the tasks of a sweep reported, and the tables made of it, without Jenkins: each attempt's
 * metrics ({@code metrics/ID.N.txt}, written through {@code $SWEEP_METRICS}, and cluster_utils'
 * {@code metrics.csv} in {@code attempts/ID.N/}), each task's parameters (from the grids beside
 * jobs.json, or parsed back from its command), and the rankings, aggregates over repeated runs and
 * per-parameter summaries that {@code sweep results} prints as a terminal table, CSV, JSON or
 * Markdown. See docs/results.md for the user's view and docs/layout.md for the files.
 *
 * <p>Reading never fails on what a task wrote: a bad line is a {@link dev.clustersweep.results.MetricProblem}
 * of that task, with its line number, and the task's other values are kept.
 */
package dev.clustersweep.results;
