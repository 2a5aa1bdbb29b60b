/**
 * Grid Engine: one qsub -t per range, one qstat -xml per poll, qacct as fallback, Eqw as ERROR.
 */
package dev.clustersweep.backend.gridengine;
