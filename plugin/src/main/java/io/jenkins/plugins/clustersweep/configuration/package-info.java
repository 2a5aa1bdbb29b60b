/**
 * The site's settings (Manage Jenkins, System, Cluster Sweep; {@code unclassified: clusterSweep:}
 * in Configuration as Code): default backend and resources, per-backend header and footer lines,
 * polling intervals.
 */
package io.jenkins.plugins.clustersweep.configuration;
