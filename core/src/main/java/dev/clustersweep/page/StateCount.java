package dev.clustersweep.page;

import dev.clustersweep.state.TaskState;

/**
 * How many tasks are in one state, and their share of the whole sweep for one segment of the
 * stacked progress bar.
 *
 * @param fraction the exact share (0 to 1), for a bar drawn with fractional widths
 * @param percent the share in whole percent; the segments of a page add up to exactly 100
 */
public record StateCount(TaskState state, long count, double fraction, int percent) {
}
