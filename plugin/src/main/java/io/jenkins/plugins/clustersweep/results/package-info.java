/**
 * What a sweep's tasks reported, in Jenkins: the results computed on the agent at the run's end and
 * archived ({@link io.jenkins.plugins.clustersweep.results.ResultsCallables}), the build's summary and
 * results table ({@link io.jenkins.plugins.clustersweep.results.SweepResultsAction}), the job's trends
 * ({@link io.jenkins.plugins.clustersweep.results.SweepTrendActionFactory}) and the regression gate
 * ({@link io.jenkins.plugins.clustersweep.results.ResultsRecorder}). The logic is core's
 * ({@code dev.clustersweep.results}); this is the glue.
 */
package io.jenkins.plugins.clustersweep.results;
