/**
 * The {@code clusterSweep} Pipeline step: the step's arguments (the sweep settings, bound by the
 * engine's binder) and its execution, which launches on the agent and takes the engine's loop one
 * turn at a time from a timer, saving its plain state in the build so that it survives a restart.
 */
package io.jenkins.plugins.clustersweep.step;
