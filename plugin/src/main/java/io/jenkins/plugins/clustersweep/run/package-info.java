/**
 * What the step and the wizard share to run a sweep from a build: the typed calls to the agent that
 * holds the working directory ({@link io.jenkins.plugins.clustersweep.run.SweepCallables}), the
 * launch, one turn of the engine's loop and the end ({@link io.jenkins.plugins.clustersweep.run.SweepRunner}),
 * and what a build keeps (the archive and the task table).
 */
package io.jenkins.plugins.clustersweep.run;
