/**
 * A build's sweeps: the per-build action and its page (counts, task table, logs, cancel and
 * relaunch selected), the relaunch build it can start, and the job page's link to the latest sweep.
 * The page's data is the engine's {@code page} package; this is only its Jenkins side.
 */
package io.jenkins.plugins.clustersweep.page;
