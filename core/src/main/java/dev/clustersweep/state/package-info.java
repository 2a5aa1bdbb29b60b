/**
 * The eight task states and the one place they are derived from: a scheduler's answer, the
 * wrapper's start and end records, and the cancel records.
 */
package dev.clustersweep.state;
