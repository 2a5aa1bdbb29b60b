/**
 * The bash side of a sweep: {@link dev.clustersweep.scripts.WrapperScripts} renders
 * scripts/wrapper.sh (runs one task by id and writes its status records) and
 * scripts/multiwrapper.sh (runs a group of ids on one node, at most K at once) from the templates
 * beside these classes; {@link dev.clustersweep.scripts.CommandChunks} and
 * {@link dev.clustersweep.scripts.GroupFile} write the files those scripts read. The invocation
 * contract of both scripts is in their header comments and in docs/layout.md.
 */
package dev.clustersweep.scripts;
