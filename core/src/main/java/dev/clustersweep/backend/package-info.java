/**
 * What every backend does (submit, poll once for many submissions, cancel) and what they share:
 * resources, durations, memory sizes, scheduler commands run as argument lists with a timeout.
 */
package dev.clustersweep.backend;
