/**
 * A sweep on disk (docs/layout.md): its directory, submission and cancel records, the process that
 * launched it, and the files a build keeps.
 */
package dev.clustersweep.sweep;
