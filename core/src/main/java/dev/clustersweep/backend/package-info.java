/**
 * What every backend does (submit, poll once for many submissions, cancel) and what they share:
 * resources, durations (and {@link dev.clustersweep.backend.HumanDuration} for people), memory sizes,
 * scheduler commands run as argument lists with a timeout, and for the cluster backends
 * ({@link dev.clustersweep.backend.ClusterBackend}) the plan of array jobs, its rollback and the
 * selection of what a cancel stops.
 */
package dev.clustersweep.backend;
