/**
 * Cluster Sweep's engine: run one program over a grid of arguments as job arrays on Slurm, Grid
 * Engine or local cores. The exceptions that every caller turns into an exit status live here; the
 * code map is docs/architecture.md.
 */
package dev.clustersweep;
