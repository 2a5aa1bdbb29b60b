/**
 * The Jenkins build page without Jenkins: counts and the progress bar, the task table with its
 * filters and pages, selections, cancel and relaunch plans, log links, and the task table a build
 * archives. {@link dev.clustersweep.page.PageActions} is its entry on the machine that holds a sweep.
 */
package dev.clustersweep.page;
