package dev.clustersweep.page;

/** What the page's buttons do to the selected tasks. */
public enum TaskAction {
    /** Cancel selected tasks that are PENDING or RUNNING. */
    CANCEL,
    /** Launch again selected tasks that are not PENDING or RUNNING (and launch those never launched). */
    RELAUNCH
}
