package dev.clustersweep.report;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.results.ShownColumns;
import dev.clustersweep.results.ResultTable;
import dev.clustersweep.state.TaskState;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ReportModel} as one self-contained HTML page: the style inline, the charts inline
 * SVG ({@link Charts}), no script and nothing fetched, so that it opens from an archive, a mail or
 * a cluster's file system alike. Every text that comes from the sweep is escaped ({@link Html}).
 */
public final class ReportPage {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:24px auto;\
            max-width:1000px;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #d0d7de;\
            padding-bottom:3px}h3{font-size:14px;margin:14px 0 2px}
            p.note{color:#57606a;margin:4px 0 8px}
            table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{padding:3px 9px;border-bottom:1px solid #eaeef2;\
            text-align:left;white-space:nowrap}th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .scroll{overflow-x:auto}
            svg{display:block;margin:4px 0;max-width:100%;height:auto}
            svg text{font-size:12px;fill:#1f2328}svg text.tick{fill:#57606a}svg text.count{fill:#8c959f;font-size:11px}
            svg text.none{fill:#cf222e}svg text.label{font-weight:600}
            .grid{stroke:#eaeef2}.axis{stroke:#8c959f}
            .box{fill:#b6d4f5;stroke:#1f6feb;stroke-width:1}.median{stroke:#0a3069;stroke-width:2}
            .box.thin{stroke:none;fill:#6ea8f0}.whisker{stroke:#1f6feb}.whisker.thin{stroke-opacity:.3}.extreme{fill:#8c959f}
            .pt{fill:#1f6feb;fill-opacity:.55}.band{fill:#dbe9fa;stroke:none}.quartiles{fill:#9ec5f3;stroke:none}
            .medianline{fill:none;stroke:#1f6feb;stroke-width:1.5}.best{fill:none;stroke:#bf3989;stroke-width:2}
            .fail{fill:none;stroke:#cf222e;stroke-width:1.5}
            .track{fill:#f6f8fa}.share{fill:#1f6feb}.chance{stroke:#cf222e;stroke-width:2}
            .curve{fill:none;stroke-width:2}.c0{stroke:#1f6feb;fill:#1f6feb}.c1{stroke:#bf3989;fill:#bf3989}\
            .c2{stroke:#1a7f37;fill:#1a7f37}.c3{stroke:#bc4c00;fill:#bc4c00}.c4{stroke:#8250df;fill:#8250df}
            .curve.c0,.curve.c1,.curve.c2,.curve.c3,.curve.c4{fill:none}
            .st-succeeded{fill:#2da44e}.st-failed{fill:#cf222e}.st-timeout{fill:#bc4c00}.st-cancelled{fill:#8c959f}\
            .st-lost{fill:#6e7781}.st-error{fill:#a40e26}.st-running{fill:#1f6feb}.st-pending{fill:#b6d4f5}.st-none{fill:#eaeef2}
            span.sw{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px}
            """;

    private static final Map<TaskState, String> COLOURS = Map.of(TaskState.SUCCEEDED, "#2da44e", TaskState.FAILED,
            "#cf222e", TaskState.TIMEOUT, "#bc4c00", TaskState.CANCELLED, "#8c959f", TaskState.LOST, "#6e7781",
            TaskState.ERROR, "#a40e26", TaskState.RUNNING, "#1f6feb", TaskState.PENDING, "#b6d4f5");

    private ReportPage() {
    }

    /** Writes the page to {@code target} atomically: the old file or the whole new one, never half. */
    public static void write(ReportModel model, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(model, out));
    }

    public static void write(ReportModel model, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e("Sweep " + model.jobName() + " report")).append("</title>\n<style>")
                .append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Sweep ").append(e(model.jobName())).append("</h1>\n<p class=\"note\">")
                .append(e(model.summary())).append(" · written ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(model.written().atOffset(ZoneOffset.UTC)
                        .withNano(0))).append(" UTC by sweep report</p>\n");
        states(model, h);
        if (model.objective() == null) {
            h.append("<h2>Metrics</h2>\n<p>No metric chosen: give <code>--metric NAME</code> to plot one");
            h.append(model.metrics().isEmpty() ? " (no task reported any yet; tasks report with "
                    + "<code>echo \"loss=0.31\" &gt;&gt; \"$SWEEP_METRICS\"</code>)."
                    : ", of " + e(String.join(", ", model.metrics())) + ".");
            h.append("</p>\n");
        } else {
            metricSections(model, h);
        }
        h.append("<p class=\"note\">One self-contained file: no script, nothing fetched. See docs/results.md"
                + " of Cluster Sweep for how each plot is made.</p>\n</body></html>\n");
        out.write(h.toString());
    }

    private static void states(ReportModel model, StringBuilder h) {
        h.append("<h2>Progress</h2>\n").append(Charts.states(model.counts(), model.notLaunched())).append('\n');
        h.append("<table><tr>");
        for (Map.Entry<TaskState, Long> c : model.counts().entrySet()) {
            if (c.getValue() > 0) {
                h.append("<th><span class=\"sw\" style=\"background:").append(COLOURS.get(c.getKey()))
                        .append("\"></span>").append(c.getKey()).append("</th>");
            }
        }
        if (model.notLaunched() > 0) {
            h.append("<th>not launched</th>");
        }
        h.append("</tr>\n<tr>");
        for (long c : model.counts().values()) {
            if (c > 0) {
                h.append("<td class=\"n\">").append(c).append("</td>");
            }
        }
        if (model.notLaunched() > 0) {
            h.append("<td class=\"n\">").append(model.notLaunched()).append("</td>");
        }
        h.append("</tr></table>\n");
        if (model.problems() > 0) {
            h.append("<p class=\"note\">").append(model.problems()).append(" task(s) wrote metrics lines that are "
                    + "not metrics; their other values are used (<code>sweep results --problems</code> lists them).</p>\n");
        }
    }

    private static void metricSections(ReportModel model, StringBuilder h) {
        String metric = model.objective().metric();
        String better = model.objective().maximize() ? "largest" : "smallest";
        h.append("<p>Metric: <b>").append(e(metric)).append("</b>, the ").append(better)
                .append(" best; values of the tasks that SUCCEEDED (a task that failed may have logged a fine value"
                        + " before it did, and is not a result).");
        if (model.notPlotted() > 0) {
            h.append(' ').append(model.notPlotted()).append(" task(s) whose value is nan or inf are ranked last and"
                    + " not plotted.");
        }
        h.append("</p>\n");

        h.append("<h2>Best ").append(model.over().isEmpty() ? "tasks" : "configurations").append("</h2>\n")
                .append("<p class=\"note\">").append(e(model.bestCaption()))
                .append(model.over().isEmpty() ? "" : "; mean, sample standard deviation and count n of " + e(metric)
                        + " over the tasks of each configuration that SUCCEEDED")
                .append(".</p>\n");
        table(model.best(), h);

        if (model.search() != null) {
            searchSection(model, h);
        }
        parameterSection(model, h);

        h.append("<h2>Parameter importance</h2>\n<p class=\"note\">For each parameter, the share of the variance of "
                + e(metric) + " that lies between its values: the sum of squares of each value's mean around the"
                + " overall mean (times its count) over the total sum of squares (one-way ANOVA's eta squared), over"
                + " the tasks that SUCCEEDED with a finite value. The red mark is the share the parameter would get"
                + " by chance alone, (values − 1) / (tasks − 1): a parameter near it (a seed) explains nothing."
                + " Shares of correlated or interacting parameters need not add up to 100%.</p>\n");
        if (model.importance().isEmpty()) {
            h.append("<p>The sweep has no parameters.</p>\n");
        } else {
            h.append(Charts.importance(model.importance())).append('\n');
        }

        ProgressPlot progress = model.progress();
        h.append("<h2>").append(e(metric)).append(" over the sweep</h2>\n");
        if (progress.isEmpty()) {
            h.append("<p>No task SUCCEEDED with a finite value of the metric yet.</p>\n");
        } else {
            h.append("<p class=\"note\">Each task that SUCCEEDED against ")
                    .append(progress.byTime() ? "the time it ended" : "its id (the tasks' end times do not tell them"
                            + " apart)")
                    .append(progress.bins().isEmpty() ? ", a dot each" : ", in " + progress.bins().size()
                            + " bins: the light band spans the smallest to the largest value of each bin, the dark"
                            + " band its quartiles, the line its median")
                    .append("; the pink line is the best so far.</p>\n").append(Charts.progress(progress,
                            model.objective())).append('\n');
        }

        LearningCurves curves = model.curves();
        h.append("<h2>Learning curves</h2>\n");
        if (curves.curves().isEmpty()) {
            h.append("<p>None of the best tasks logged a series of ").append(e(metric))
                    .append(" (lines <code>").append(e(metric)).append("@STEP=VALUE</code> in"
                            + " <code>$SWEEP_METRICS</code>).</p>\n");
        } else {
            h.append("<p class=\"note\">The series ").append(e(metric)).append("@STEP of the best ")
                    .append(curves.curves().size()).append(" task(s), best first").append(".</p>\n")
                    .append(Charts.curves(curves)).append('\n');
        }
    }

    /** A search's best so far against samples, and how each numeric parameter's samples narrowed. */
    private static void searchSection(ReportModel model, StringBuilder h) {
        SearchPlot s = model.search();
        String metric = e(model.objective().metric());
        h.append("<h2>Search</h2>\n<p class=\"note\">").append(s.asked()).append(" sample(s) asked, ")
                .append(s.told().size()).append(" ended (").append(s.failed()).append(" failed), from the search's"
                        + " <code>search.log</code>.");
        if (s.told().isEmpty()) {
            h.append(" No sample has ended yet.</p>\n");
        } else {
            h.append(" Each sample's value (the mean ").append(metric).append(" of its tasks, as told to the"
                    + " optimiser) against the order the samples ended, ")
                    .append(s.toldBins().isEmpty() ? "a dot each" : "in " + s.toldBins().size() + " bins: the light"
                            + " band spans the smallest to the largest value of each bin, the dark band its quartiles,"
                            + " the line its median")
                    .append("; × along the bottom marks a sample that failed (all its tasks failed or reported no"
                            + " value); the pink line is the best so far, the ")
                    .append(model.objective().maximize() ? "largest" : "smallest").append(". Values above 0 spanning"
                            + " more than two decades are on a log scale. Hover a dot for its sample and tasks.</p>\n").append(Charts.search(s, model.objective())).append('\n');
        }
        if (!s.parameters().isEmpty()) {
            h.append("<p class=\"note\">Each numeric search parameter's value per sample, in the order the"
                    + " optimiser asked for them (a dot each, from the sample's tasks' parameters): a cloud that"
                    + " narrows to a band is the sampling distribution closing in on the best values.</p>\n");
            for (SearchPlot.Trace t : s.parameters()) {
                h.append("<h3>").append(e(t.parameter())).append(" per sample")
                        .append(t.log() ? " (log scale)" : "").append("</h3>\n").append(Charts.trace(t)).append('\n');
            }
        }
    }

    /** The metric per parameter value: boxes for a few values, a scatter for many numbers. */
    private static void parameterSection(ReportModel model, StringBuilder h) {
        String metric = model.objective().metric();
        List<ParameterPlot> plots = model.parameters();
        boolean anyBoxes = plots.stream().anyMatch(p -> p.scatter() == null);
        boolean anyScatter = plots.stream().anyMatch(p -> p.scatter() != null);
        h.append("<h2>").append(e(metric)).append(" per parameter value</h2>\n<p class=\"note\">");
        if (anyBoxes) {
            h.append("One box per value: the box spans the quartiles, the thick line is the median, the whiskers"
                    + " reach the furthest values within 1.5 times the box's height, dots mark extremes beyond them;"
                    + " × marks a value no task of which SUCCEEDED with the metric. Hover a box for its numbers."
                    + " One scale for every box plot.");
        }
        if (anyScatter) {
            h.append(anyBoxes ? " " : "").append("A parameter with more than ").append(ParameterPlot.MAX_BOXES)
                    .append(" values, all numbers (a search's continuous values), is a scatter instead: ")
                    .append(e(metric)).append(" against the parameter's value, a dot per task that SUCCEEDED with a"
                            + " finite value (hover a dot for its task), up to ")
                    .append(ProgressPlot.MAX_POINTS).append(" tasks; past that, in ").append(ProgressPlot.BINS)
                    .append(" bins along the value: the light band spans the smallest to the largest value of each"
                            + " bin, the dark band its quartiles, the line its median. Values above 0 spanning more"
                            + " than two decades are on a log scale. One scale of ").append(e(metric))
                    .append(" for every scatter.");
        }
        h.append("</p>\n");
        Axis boxAxis = Charts.boxAxis(plots);
        Axis scatterAxis = Charts.scatterAxis(plots);
        if (plots.isEmpty()) {
            h.append("<p>The sweep has no parameters.</p>\n");
            return;
        }
        if (boxAxis == null && scatterAxis == null) {
            h.append("<p>No task SUCCEEDED with a finite value of the metric.</p>\n");
            return;
        }
        for (ParameterPlot plot : plots) {
            ParameterPlot.Scatter s = plot.scatter();
            if (s == null) {
                h.append("<h3>").append(e(plot.parameter())).append(" (").append(plot.values().size())
                        .append(" value").append(plot.values().size() == 1 ? "" : "s").append(")</h3>\n");
                h.append(boxAxis == null ? "<p>No task with a value of " + e(plot.parameter())
                        + " SUCCEEDED with a finite value of the metric.</p>" : Charts.boxes(plot, boxAxis, metric))
                        .append('\n');
            } else {
                h.append("<h3>").append(e(plot.parameter())).append(" (").append(s.plotted()).append(" of ")
                        .append(s.tasks()).append(" task(s) plotted").append(s.bins().isEmpty() ? ""
                                : ", in " + s.bins().size() + " bins").append(s.log() ? "; log scale" : "")
                        .append(")</h3>\n");
                h.append(s.plotted() == 0 ? "<p>No task with a value of " + e(plot.parameter())
                        + " SUCCEEDED with a finite value of the metric.</p>" : Charts.scatter(plot, scatterAxis, metric))
                        .append('\n');
            }
        }
    }

    /** A results table as HTML: numbers right-aligned and rounded as on the terminal, text escaped. */
    static void table(ResultTable table, StringBuilder h) {
        h.append("<div class=\"scroll\"><table><tr>");
        for (int c = 0; c < table.columns().size(); c++) {
            h.append(table.numeric(c) ? "<th style=\"text-align:right\">" : "<th>").append(e(table.columns().get(c)))
                    .append("</th>");
        }
        h.append("</tr>\n");
        ShownColumns shown = ShownColumns.of(table);
        for (List<Object> row : table.rows()) {
            h.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number) {
                    h.append("<td class=\"n\">").append(shown.shown(cell, c));
                } else {
                    h.append("<td>").append(cell == null ? "" : e(cell.toString()));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
        if (table.rows().isEmpty()) {
            h.append("<p>None yet.</p>\n");
        }
    }

    private static String e(String text) {
        return Html.escape(text);
    }
}
