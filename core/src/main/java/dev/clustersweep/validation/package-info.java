/**
 * The build wizard without Jenkins: one check per form field and the preview of the grid, reusing
 * the engine's own parsers.
 */
package dev.clustersweep.validation;
