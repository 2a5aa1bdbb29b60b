/**
 * The jobfile, {@code jobs.json}: onager's format, read and written byte for byte as onager does,
 * streamed so that a million tasks never sit in memory. One entry reader ({@code EntryReader}) serves
 * both ways of reading: {@link dev.clustersweep.jobfile.JobFileReader}, every task in file order, and
 * {@link dev.clustersweep.jobfile.JobFileIndex}, the tags of a few tasks by id through an index of
 * byte offsets.
 */
package dev.clustersweep.jobfile;
