/**
 * The one vocabulary of sweep settings: each declared once in {@link dev.clustersweep.settings.Settings}
 * with its default, bound from command-line options, a Pipeline map or a spec file by
 * {@link dev.clustersweep.settings.SettingsBinder}. docs/architecture.md has the recipe for a new setting.
 */
package dev.clustersweep.settings;
