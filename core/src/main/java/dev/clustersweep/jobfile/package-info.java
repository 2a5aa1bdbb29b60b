/**
 * The jobfile, {@code jobs.json}: onager's format, read and written byte for byte as onager does,
 * streamed so that a million tasks never sit in memory.
 */
package dev.clustersweep.jobfile;
