/**
 * The {@code sweep} command: onager's prelaunch, then launch, status, list, cancel and config, each a
 * thin caller of the engine with exit statuses 0 / 1 / 2 / 3 / 4 (README).
 */
package dev.clustersweep.cli;
