/**
 * What every backend does (submit, poll once for many submissions, cancel) and what they share:
 * resources, durations (and {@link dev.clustersweep.backend.HumanDuration} for people), memory sizes,
 * scheduler commands run as argument lists with a timeout.
 */
package dev.clustersweep.backend;
