/**
 * Task lists: sets of task ids written like onager and Slurm ({@code 1-3,5,8-20:2}), stored as a few
 * arithmetic ranges so that sweeps of millions of tasks stay small.
 *
 * <ul>
 *   <li>{@link dev.clustersweep.tasks.TaskList}: the set; parse, build, query, combine, check against a
 *       jobfile, and write back as the shortest text.</li>
 *   <li>{@link dev.clustersweep.tasks.TaskRange}: one progression {@code a-b:s}; a list's
 *       {@code ranges()} are the fewest possible, one per Grid Engine {@code qsub -t}.</li>
 *   <li>{@link dev.clustersweep.tasks.ArraySlices}: cut a list into scheduler arrays whose indexes fit
 *       a limit such as Slurm's MaxArraySize.</li>
 * </ul>
 *
 * <p>Text written: the fewest characters, then the fewest items, items never overlapping and in
 * increasing order; single ids as {@code 5}, two ids as {@code 8-9} or {@code 5,7}, longer runs as
 * {@code 1-3} or {@code 1-9:2} (never {@code :1}). Slurm reads this as is. onager's own
 * {@code a-b:s} per item is {@code TaskRange.toFullString()}.
 */
package dev.clustersweep.tasks;
