/**
 * A bridge, to be removed: the Jenkins plugin's former facade over the engine (a spec record, a
 * static run facade, a summary map). The engine and the command line no longer use it; it stays only
 * until the plugin is ported to {@link dev.clustersweep.settings} and {@link dev.clustersweep.engine}
 * and its JenkinsRule tests run on a real controller (issue 9). New code must not use it.
 */
package dev.clustersweep.spec;
