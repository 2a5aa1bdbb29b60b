/**
 * This machine's cores: a pool of workers in the launching process, told apart from a process that
 * replaced it; another process tells states from the records and the wrappers' pids.
 */
package dev.clustersweep.backend.local;
