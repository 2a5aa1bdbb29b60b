/**
 * Resources per part of a sweep (issue 14): a part selects tasks by their parameters' values
 * ({@link dev.clustersweep.parts.Selector}) and says what they need
 * ({@link dev.clustersweep.parts.Part}: {@code model=large: cuda(mem=4G) * 2}); the selection
 * ({@link dev.clustersweep.parts.PartSelection}) gives each task to the first part that matches it,
 * over the parameters the grid (or the jobfile's grids and commands) gives each task. Pure logic:
 * the launch of each part as its own submission is the engine's.
 */
package dev.clustersweep.parts;
