/**
 * Slurm: sbatch job arrays split at MaxArraySize, one squeue per poll, sacct only for what vanished,
 * cancels that let the wrapper record them.
 */
package dev.clustersweep.backend.slurm;
