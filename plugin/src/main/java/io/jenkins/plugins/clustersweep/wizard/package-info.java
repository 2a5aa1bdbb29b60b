/**
 * The build wizard: the freestyle "Run cluster sweep" build step, its form (parameter rows, backend
 * choices with their resources), the field checks and the preview, all from the engine's
 * {@code validation} package; it runs the sweep as the Pipeline step does, blocking its executor.
 */
package io.jenkins.plugins.clustersweep.wizard;
