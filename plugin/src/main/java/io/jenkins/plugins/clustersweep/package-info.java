/**
 * The Jenkins plugin: the {@code clusterSweep} Pipeline step, the freestyle build step, the build
 * page and the global configuration, over the engine (docs/jenkins.md).
 */
package io.jenkins.plugins.clustersweep;
