/**
 * onager's prelaunch syntax and the grid it describes, expanded into tasks by random access (mixed
 * radix), in onager's order, with onager's tags.
 */
package dev.clustersweep.grid;
