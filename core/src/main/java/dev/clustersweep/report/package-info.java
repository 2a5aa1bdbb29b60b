/**
 * {@code sweep report}: a sweep's results as one self-contained HTML page of plots, drawn by our own
 * code as inline SVG (no charting library, no script, nothing fetched). Three steps, one idea each:
 * {@link dev.clustersweep.report.ReportModel} computes small records from the
 * {@link dev.clustersweep.results.SweepResults} (boxes per parameter value, bins of a large sweep's
 * progress, a few learning curves, each parameter's share of the variance), {@code Charts} draws
 * each as SVG through {@code Svg}, and {@link dev.clustersweep.report.ReportPage} lays them out and
 * writes the file atomically. The size of what is drawn is bounded, whatever the number of tasks.
 * See docs/results.md for what each plot shows and how.
 */
package dev.clustersweep.report;
