/**
 * The one facade over a sweep directory ({@link dev.clustersweep.engine.Sweep}: launch, status,
 * cancel) and the one follow-up loop ({@link dev.clustersweep.engine.SweepLoop}: poll, relaunch,
 * retry, end) with its saved state and its progress type. The command line and the plugin both call
 * these; nothing here knows who calls.
 */
package dev.clustersweep.engine;
