/**
 * Where a task can run, chosen from what it needs: the requirements expression of experimaestro's
 * launcher finder ({@link dev.clustersweep.launchers.Requirements}: {@code duration=4 days &
 * cuda(mem=4G) * 2 & cpu(mem=400M, cores=4)}, {@code |} for alternatives) and what one alternative
 * asks of a host ({@link dev.clustersweep.launchers.HostRequest}).
 */
package dev.clustersweep.launchers;
